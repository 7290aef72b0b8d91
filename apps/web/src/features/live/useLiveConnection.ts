import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { live, LiveStates } from '../../lib/socket';
import { liveKeys } from './queryKeys';
import { SIGNED_OUT_EVENT } from '../../lib/signedOut';

/** Where a person whose session ended goes: sign-in, then back to `path`. */
export function signInAfterEnd(path: string): string {
  return `/sign-in?next=${encodeURIComponent(path)}`;
}

function useSignInOnEnd() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { pathname, search, hash } = useLocation();
  useEffect(
    () =>
      live.subscribeState(() => {
        if (live.getState() !== LiveStates.signedOut) return;
        if (!pathname.startsWith('/sign-in')) {
          void navigate(signInAfterEnd(`${pathname}${search}${hash}`), { replace: true });
        }
        void queryClient.invalidateQueries({ queryKey: liveKeys.me });
      }),
    [navigate, queryClient, pathname, search, hash],
  );
}

/**
 * Opens the tab's live connection while someone is signed in and closes it when they sign out
 * or the signed-in person changes. Once the session has ended (or the handshake was refused)
 * it stays closed until the person is signed out and in again; they are sent to sign in and
 * brought back afterwards.
 */
export function useLiveConnection(userId: string | undefined): void {
  useSignInOnEnd();
  useEffect(() => {
    if (!userId) return;
    live.start();
    return () => live.stop();
  }, [userId]);
  useEffect(() => {
    const stop = () => live.stop();
    window.addEventListener(SIGNED_OUT_EVENT, stop);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, stop);
  }, []);
}
