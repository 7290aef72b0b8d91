import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../../lib/accountApi';
import { authKeys } from './queryKeys';

/** The signed-in person and their workspace abilities; a 401 error means signed out. */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
  });
}
