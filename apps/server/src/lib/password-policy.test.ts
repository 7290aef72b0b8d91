import { describe, expect, it } from 'vitest';
import { checkNewPassword, passwordProblems } from './password-policy.js';

describe('checkNewPassword', () => {
  it('accepts a long passphrase', async () => {
    expect(await checkNewPassword('correct horse battery staple', 'a@example.org')).toBeNull();
  });

  it('refuses short, overlong, repeated and email-shaped passwords', async () => {
    expect(await checkNewPassword('Sh0rt!pass', 'a@example.org')).toBe('too_short');
    expect(await checkNewPassword('x'.repeat(257), 'a@example.org')).toBe('too_long');
    expect(await checkNewPassword('aaaaaaaaaaaaaaaa', 'a@example.org')).toBe('common');
    expect(await checkNewPassword('Ana.Lopez@Example.org', 'ana.lopez@example.org')).toBe(
      'same_as_email',
    );
  });

  it('refuses common passwords case-insensitively, also with digits appended or doubled', async () => {
    expect(await checkNewPassword('QWERTY123456', 'a@example.org')).toBe('common');
    expect(await checkNewPassword('Password12345678', 'a@example.org')).toBe('common');
    expect(await checkNewPassword('dragondragon', 'a@example.org')).toBe('common');
    expect(await checkNewPassword('1qaz2wsx3edc', 'a@example.org')).toBe('common');
  });
});

describe('passwordProblems', () => {
  it('names every rule a password breaks, not only the first', async () => {
    expect(await passwordProblems('password', 'a@example.org')).toEqual(['too_short', 'common']);
    expect(await passwordProblems('ana.lopez', 'ana.lopez@example.org')).toEqual([
      'too_short',
      'same_as_email',
    ]);
    expect(await passwordProblems('lanterns over the lake', 'a@example.org')).toEqual([]);
  });
});
