import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { live, LiveStates } from '../../lib/socket';
import { liveKeys } from './queryKeys';

/** The window event the auth feature dispatches when the person signs out in this tab. */
export const SIGNED_OUT_EVENT = 'mesa:signed-out';

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
 * Opens the tab's live connection while someone is signed in and closes it on sign-out. A new
 * successful `/api/me` reply (`confirmedAt`) after the session ended opens a fresh connection;
 * nothing else does, so an ended session or a refused handshake never reconnects by itself.
 * When the session ends the person is sent to sign in and brought back afterwards.
 */
export function useLiveConnection(userId: string | undefined, confirmedAt: number): void {
  useSignInOnEnd();
  useEffect(() => {
    if (!userId) return;
    return () => live.stop();
  }, [userId]);
  useEffect(() => {
    if (userId) live.start();
  }, [userId, confirmedAt]);
  useEffect(() => {
    const stop = () => live.stop();
    window.addEventListener(SIGNED_OUT_EVENT, stop);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, stop);
  }, []);
}
