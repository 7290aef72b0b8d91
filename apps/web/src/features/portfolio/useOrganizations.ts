import { useQuery } from '@tanstack/react-query';
import { fetchOrganizations } from '../../lib/api';
import { portfolioKeys } from './queryKeys';

/** Every organization of the workspace, to resolve ids to names. */
export function useOrganizations() {
  return useQuery({
    queryKey: portfolioKeys.organizations,
    queryFn: ({ signal }) => fetchOrganizations(signal),
    staleTime: 5 * 60_000,
  });
}
