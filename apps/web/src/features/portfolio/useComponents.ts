import { useQuery } from '@tanstack/react-query';
import { fetchComponents } from '../../lib/api';
import { portfolioKeys } from './queryKeys';

/** The four components of the strategy. */
export function useComponents() {
  return useQuery({
    queryKey: portfolioKeys.components,
    queryFn: ({ signal }) => fetchComponents(signal),
    // Components are fixed by the strategy; refetching them on every focus would be noise.
    staleTime: Infinity,
  });
}
