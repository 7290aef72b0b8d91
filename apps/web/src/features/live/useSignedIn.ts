import { useQuery } from '@tanstack/react-query';
import { MeReplySchema } from '@mesa/shared';
import { getJson } from '../../lib/api';
import { liveKeys } from './queryKeys';

/**
 * The signed-in person, as `GET /api/me` returns them; a 401 error means signed out. It shares
 * its key and reply shape with the auth feature's `useMe`, so the two read one cached copy.
 */
export function useSignedIn() {
  return useQuery({
    queryKey: liveKeys.me,
    queryFn: ({ signal }) => getJson('/api/me', MeReplySchema, signal),
    staleTime: 60_000,
  });
}
