import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FundingFilters } from '@mesa/shared';
import {
  fetchFundingDashboard,
  fetchScorecard,
  type ScorecardQuery,
} from '../../lib/fundingDashboardApi';
import { live } from '../../lib/socket';
import { fundingDashboardKeys } from './queryKeys';

/** The dashboard within the filters (the previous figures stay while new ones load). */
export function useFundingDashboard(filters: FundingFilters) {
  return useQuery({
    queryKey: fundingDashboardKeys.dashboard(filters),
    queryFn: ({ signal }) => fetchFundingDashboard(filters, signal),
    placeholderData: keepPreviousData,
  });
}

/** The scorecard as asked. */
export function useScorecard(query: ScorecardQuery) {
  return useQuery({
    queryKey: fundingDashboardKeys.scorecard(query),
    queryFn: ({ signal }) => fetchScorecard(query, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * Keeps the figures live: every `funding.changed` (someone recorded something) refetches the
 * dashboard and the scorecard. Returns how many changes arrived while the page was open.
 */
export function useLiveFundingFigures(): number {
  const queryClient = useQueryClient();
  const [changes, setChanges] = useState(0);
  useEffect(
    () =>
      live.on('funding.changed', () => {
        setChanges((n) => n + 1);
        void queryClient.invalidateQueries({ queryKey: fundingDashboardKeys.all });
      }),
    [queryClient],
  );
  return changes;
}
