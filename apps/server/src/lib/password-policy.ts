import { Limits, type PasswordRule } from '@mesa/shared';

/** Why a new password was refused, or null when it is acceptable. */
export type PasswordProblem = PasswordRule | null;

let common: Set<string> | null = null;

// ~49 000 passwords from public breach lists (zxcvbn-ts, MIT), loaded on first use: the
// decompression costs ~50 ms once and the set ~3 MB, which a server that never changes a
// password need not pay.
async function commonPasswords(): Promise<Set<string>> {
  if (common) return common;
  const { dictionary } = await import('@zxcvbn-ts/language-common');
  common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

// "password1234", "dragon!!!!!!" and "qwertyqwerty" are as guessable as their stem.
function stems(lower: string): string[] {
  const out = [lower.replace(/[\d\W_]+$/u, ''), lower.replace(/^[\d\W_]+/u, '')];
  const half = lower.length / 2;
  if (Number.isInteger(half) && lower.slice(0, half) === lower.slice(half)) {
    out.push(lower.slice(0, half));
  }
  // Short stems ("k" of "k83920571926") would refuse random passwords; only the whole counts then.
  return [lower, ...out.filter((s) => s.length >= 4)];
}

/**
 * Every rule a new password breaks (none: it is acceptable): at least
 * `Limits.passwordMinLength` characters, at most `Limits.passwordMaxLength` (an overlong one
 * is checked no further), not a common password (case-insensitive, also with digits or
 * symbols appended, or doubled), not one character repeated, not the person's email.
 */
export async function passwordProblems(password: string, email: string): Promise<PasswordRule[]> {
  if (password.length > Limits.passwordMaxLength) return ['too_long'];
  const problems: PasswordRule[] = [];
  if ([...password].length < Limits.passwordMinLength) problems.push('too_short');
  const lower = password.toLowerCase();
  const mail = email.trim().toLowerCase();
  if (mail !== '' && (lower === mail || lower === mail.split('@')[0])) {
    problems.push('same_as_email');
  } else if (new Set(lower).size <= 2 || (await isCommon(lower))) {
    problems.push('common');
  }
  return problems;
}

async function isCommon(lower: string): Promise<boolean> {
  const list = await commonPasswords();
  return stems(lower).some((s) => list.has(s));
}

/** The first rule a new password breaks, or null when it is acceptable. */
export async function checkNewPassword(password: string, email: string): Promise<PasswordProblem> {
  return (await passwordProblems(password, email))[0] ?? null;
}

/** The sentence the API answers for each problem. */
export const passwordProblemMessages: Record<Exclude<PasswordProblem, null>, string> = {
  too_short: `Use at least ${Limits.passwordMinLength} characters.`,
  too_long: `Use at most ${Limits.passwordMaxLength} characters.`,
  common: 'This password is too common; choose another (a few unrelated words work well).',
  same_as_email: 'The password must not be your email address.',
};
