import { useQuery } from '@tanstack/react-query';
import type { User } from '@mesa/shared';
import { fetchMe } from '../../lib/api';

/** Query key of the signed-in person. */
export const meKey = ['me'] as const;

/** The signed-in person (names this device's plan copy and the local caret). */
export function useMe() {
  return useQuery<User>({
    queryKey: meKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
  });
}
