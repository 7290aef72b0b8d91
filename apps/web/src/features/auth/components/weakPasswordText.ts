import type { TFunction } from 'i18next';
import { ErrorCodes, Limits, PasswordRules, type PasswordRule } from '@mesa/shared';
import { ApiError } from '../../../lib/api';

function isRule(reason: string): reason is PasswordRule {
  return (PasswordRules as readonly string[]).includes(reason);
}

/** One broken password rule, said as what to do. */
function ruleText(rule: PasswordRule, t: TFunction): string {
  if (rule === 'too_short')
    return t('auth.passwordRules.tooShort', { count: Limits.passwordMinLength });
  if (rule === 'too_long')
    return t('auth.passwordRules.tooLong', { count: Limits.passwordMaxLength });
  if (rule === 'common') return t('auth.passwordRules.common');
  return t('auth.passwordRules.sameAsEmail');
}

/**
 * What is wrong with a new password the server refused, for the password field itself: each
 * rule it breaks (the error's `reasons`), or the general advice when the server named none.
 * Undefined for any other error, which stays a form-level message.
 */
export function weakPasswordText(error: unknown, t: TFunction): string | undefined {
  if (!(error instanceof ApiError) || error.code !== ErrorCodes.weakPassword) return undefined;
  const rules = error.reasons.filter(isRule);
  if (rules.length === 0) return t('auth.errors.weakPassword');
  return rules.map((rule) => ruleText(rule, t)).join(' ');
}
