import type { FundingFilters } from '@mesa/shared';
import type { ScorecardQuery } from '../../lib/fundingDashboardApi';

/** TanStack Query keys of the dashboard and the scorecard; `all` is what `funding.changed` refetches. */
export const fundingDashboardKeys = {
  all: ['funding-figures'] as const,
  dashboard: (filters: FundingFilters) => ['funding-figures', 'dashboard', filters] as const,
  scorecard: (query: ScorecardQuery) => ['funding-figures', 'scorecard', query] as const,
};
