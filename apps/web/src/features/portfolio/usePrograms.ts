import { useQuery } from '@tanstack/react-query';
import { fetchPrograms } from '../../lib/api';
import { portfolioKeys } from './queryKeys';

/** Every recorded program of the portfolio. */
export function usePrograms() {
  return useQuery({
    queryKey: portfolioKeys.programs,
    queryFn: ({ signal }) => fetchPrograms(signal),
  });
}
