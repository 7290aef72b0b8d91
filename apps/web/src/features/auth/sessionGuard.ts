import type { QueryClient } from '@tanstack/react-query';
import { isPublicPath, signInPath } from './nextPath';

/** The part of a data router the guard needs: where the person is, and a way to move them. */
export interface GuardRouter {
  state: { location: { pathname: string; search: string; hash: string } };
  navigate: (to: string, options?: { replace?: boolean }) => unknown;
}

/**
 * Reacts to a 401 from any request: forgets everything cached for the ended session and sends
 * the person to sign in, remembering where they were. On a public page it does nothing.
 */
export function redirectToSignIn(router: GuardRouter, queryClient: QueryClient): void {
  const { location } = router.state;
  if (isPublicPath(location.pathname)) return;
  void router.navigate(signInPath(location), { replace: true });
  void forgetSession(queryClient);
}

/**
 * Drops every cached reply of the session. Inactive queries are removed; active ones (the
 * header's "who am I") are reset, so their observers see the change instead of stale data.
 */
export async function forgetSession(queryClient: QueryClient): Promise<void> {
  await queryClient.cancelQueries();
  queryClient.removeQueries({ type: 'inactive' });
  await queryClient.resetQueries();
}

export { SIGNED_OUT_EVENT } from '../../lib/signedOut';
