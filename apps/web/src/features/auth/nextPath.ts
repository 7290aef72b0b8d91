/** Pages a signed-out person may see; a 401 on them is expected, not a reason to redirect. */
export const PUBLIC_PATHS = ['/sign-in', '/setup/', '/invite/'] as const;

/** The query parameter carrying where to go after signing in. */
export const NEXT_PARAM = 'next';

// Any origin works as a base: only whether the result stays on it matters.
const PROBE_ORIGIN = 'https://mesa.invalid';

/** Whether a path is one of the public pages. */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((prefix) =>
    prefix.endsWith('/') ? pathname.startsWith(prefix) : pathname === prefix,
  );
}

/**
 * The same-origin path to land on after sign-in, or "/" when `next` is missing, points to
 * another origin ("//evil.example", "https://…", "/\\evil"), or leads back to a public page.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PROBE_ORIGIN || isPublicPath(url.pathname)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in address that brings the person back to `from` afterwards. */
export function signInPath(from: { pathname: string; search?: string; hash?: string }): string {
  const target = `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
  if (safeNextPath(target) === '/') return '/sign-in';
  return `/sign-in?${NEXT_PARAM}=${encodeURIComponent(target)}`;
}
