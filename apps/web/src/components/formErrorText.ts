import type { TFunction } from 'i18next';
import { ErrorCodes } from '@mesa/shared';
import { ApiError, ClientErrorCodes } from '../lib/api';
import { formatTime } from '../lib/intl';
import type { Locale } from '@mesa/shared';

type MessageKey =
  | 'auth.errors.invalidCredentials'
  | 'auth.errors.weakPassword'
  | 'auth.errors.invitationInvalid'
  | 'auth.errors.setupUnavailable'
  | 'auth.errors.conflict'
  | 'auth.errors.validation'
  | 'auth.errors.forbidden'
  | 'auth.errors.unauthenticated'
  | 'auth.errors.notFound'
  | 'auth.errors.network'
  | 'auth.errors.generic';

const keysByCode: Record<string, MessageKey> = {
  [ErrorCodes.invalidCredentials]: 'auth.errors.invalidCredentials',
  [ErrorCodes.weakPassword]: 'auth.errors.weakPassword',
  [ErrorCodes.invitationInvalid]: 'auth.errors.invitationInvalid',
  [ErrorCodes.setupUnavailable]: 'auth.errors.setupUnavailable',
  [ErrorCodes.conflict]: 'auth.errors.conflict',
  [ErrorCodes.validation]: 'auth.errors.validation',
  [ErrorCodes.badRequest]: 'auth.errors.validation',
  [ErrorCodes.forbidden]: 'auth.errors.forbidden',
  [ErrorCodes.unauthenticated]: 'auth.errors.unauthenticated',
  [ErrorCodes.notFound]: 'auth.errors.notFound',
  [ClientErrorCodes.network]: 'auth.errors.network',
};

/** Where and when the message is read, for "try again at 14:32". */
export interface ErrorTextContext {
  /** Interface language. */
  locale: Locale;
  /** Time zone the time is shown in. */
  timeZone: string;
  /** The current time; injectable in tests. */
  now?: Date;
}

/**
 * Turns a failed form submission into a sentence that says what to do. A 429 says when to try
 * again from Retry-After, in the person's time zone on the 24-hour clock.
 */
export function formErrorText(error: unknown, t: TFunction, context: ErrorTextContext): string {
  if (!(error instanceof ApiError)) return t('auth.errors.generic');
  if (error.status === 429) {
    if (error.retryAfterSeconds === null) return t('auth.errors.tooManyLater');
    const now = context.now ?? new Date();
    const at = new Date(now.getTime() + error.retryAfterSeconds * 1000);
    return t('auth.errors.tooManyAt', { time: formatTime(at, context.locale, context.timeZone) });
  }
  return t(keysByCode[error.code] ?? 'auth.errors.generic');
}
