import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endSession, fetchSessions } from '../../lib/accountApi';
import { authKeys } from '../auth/queryKeys';

/** The signed-in person's sessions, this device's flagged. */
export function useSessions() {
  return useQuery({
    queryKey: authKeys.sessions,
    queryFn: ({ signal }) => fetchSessions(signal),
  });
}

/** Ends one session, then refreshes the list. */
export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: authKeys.sessions }),
  });
}
