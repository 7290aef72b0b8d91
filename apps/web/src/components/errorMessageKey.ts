import { ErrorCodes } from '@mesa/shared';
import { ApiError, ClientErrorCodes } from '../lib/api';

/** Catalogue keys of the "what to do next" error messages. */
export type ErrorMessageKey =
  | 'errors.unauthenticated'
  | 'errors.forbidden'
  | 'errors.not_found'
  | 'errors.network_error'
  | 'errors.service_unavailable'
  | 'errors.storage_full'
  | 'errors.too_many_requests'
  | 'errors.generic';

const keysByCode: Record<string, ErrorMessageKey> = {
  [ErrorCodes.unauthenticated]: 'errors.unauthenticated',
  [ErrorCodes.forbidden]: 'errors.forbidden',
  [ErrorCodes.notFound]: 'errors.not_found',
  [ErrorCodes.serviceUnavailable]: 'errors.service_unavailable',
  [ErrorCodes.storageFull]: 'errors.storage_full',
  [ErrorCodes.tooManyRequests]: 'errors.too_many_requests',
  [ClientErrorCodes.network]: 'errors.network_error',
};

/** Picks the message telling the user what to do about an error; unknown errors get the generic one. */
export function errorMessageKey(error: unknown): ErrorMessageKey {
  if (!(error instanceof ApiError)) return 'errors.generic';
  return keysByCode[error.code] ?? 'errors.generic';
}
