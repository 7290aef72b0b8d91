import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signOut } from '../../lib/accountApi';
import { forgetSession, SIGNED_OUT_EVENT } from './sessionGuard';

/** Signs out: ends the session, forgets every cached reply, tells the editor, goes to sign-in. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    // Even when the request fails (offline), nothing of the session may stay on this screen.
    onSettled: async () => {
      await navigate('/sign-in', { replace: true });
      window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
      await forgetSession(queryClient);
    },
  });
}
