import type { TFunction } from 'i18next';
import { ErrorCodes } from '@mesa/shared';
import { ApiError, ClientErrorCodes } from '../../lib/api';

/** Catalogue keys of what to do when a comment action fails. */
type ThreadErrorKey =
  | 'threads.errors.tooFast'
  | 'threads.errors.invalid'
  | 'threads.errors.forbidden'
  | 'threads.errors.notFound'
  | 'threads.errors.network'
  | 'threads.errors.generic';

const keysByCode: Record<string, ThreadErrorKey> = {
  [ErrorCodes.tooManyRequests]: 'threads.errors.tooFast',
  [ErrorCodes.validation]: 'threads.errors.invalid',
  [ErrorCodes.badRequest]: 'threads.errors.invalid',
  [ErrorCodes.forbidden]: 'threads.errors.forbidden',
  [ErrorCodes.notFound]: 'threads.errors.notFound',
  [ClientErrorCodes.network]: 'threads.errors.network',
};

/** A failed comment action as what to do next ("wait a minute and send again"). */
export function threadErrorText(error: unknown, t: TFunction): string | null {
  if (error === null || error === undefined) return null;
  if (!(error instanceof ApiError)) return t('threads.errors.generic');
  if (error.status === 429) return t('threads.errors.tooFast');
  return t(keysByCode[error.code] ?? 'threads.errors.generic');
}
