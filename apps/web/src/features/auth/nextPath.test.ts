import { describe, expect, it } from 'vitest';
import { isPublicPath, safeNextPath, signInPath } from './nextPath';

describe('safeNextPath', () => {
  it('keeps a same-origin path with its query and hash', () => {
    expect(safeNextPath('/programs/p-ba1?tab=plan#risks')).toBe('/programs/p-ba1?tab=plan#risks');
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['another origin', 'https://evil.example/steal'],
    ['protocol-relative', '//evil.example/x'],
    ['backslash trick', '/\\evil.example'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['relative path', 'programs/p-ba1'],
    ['the sign-in page itself', '/sign-in?next=/admin'],
    ['an invitation link', '/invite/abc'],
  ])('falls back to the portfolio for %s', (_label, next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});

describe('signInPath', () => {
  it('remembers where the person was going', () => {
    expect(signInPath({ pathname: '/admin/people', search: '?q=a' })).toBe(
      '/sign-in?next=%2Fadmin%2Fpeople%3Fq%3Da',
    );
  });

  it('adds no next for the portfolio itself', () => {
    expect(signInPath({ pathname: '/' })).toBe('/sign-in');
  });
});

describe('isPublicPath', () => {
  it('knows the pages open without a session', () => {
    expect(['/sign-in', '/setup/t', '/invite/t'].every(isPublicPath)).toBe(true);
    expect(['/', '/profile', '/sign-in-elsewhere', '/admin'].some(isPublicPath)).toBe(false);
  });
});
