import {
  FundingDashboardSchema,
  FundingFiltersSchema,
  ScorecardSchema,
  type FundingDashboard,
  type FundingFilters,
  type Locale,
  type Scorecard,
} from '@mesa/shared';
import { getJson } from './api';

/** The dashboard's filters as URL search parameters (the page's URL and the API's query). */
export function filtersToParams(filters: FundingFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(FundingFiltersSchema.shape) as (keyof FundingFilters)[]) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

/**
 * The filters named in URL search parameters; a parameter that is not a valid filter is left
 * out (a shared link with a stale or mistyped value still opens the dashboard).
 */
export function filtersFromParams(params: URLSearchParams): FundingFilters {
  const filters: Record<string, unknown> = {};
  for (const key of Object.keys(FundingFiltersSchema.shape) as (keyof FundingFilters)[]) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const one = FundingFiltersSchema.shape[key].safeParse(raw);
    if (one.success && one.data !== undefined) filters[key] = one.data;
  }
  return filters;
}

/** The funding dashboard within the filters. */
export function fetchFundingDashboard(
  filters: FundingFilters,
  signal?: AbortSignal,
): Promise<FundingDashboard> {
  const query = filtersToParams(filters).toString();
  return getJson(
    `/api/funding/dashboard${query ? `?${query}` : ''}`,
    FundingDashboardSchema,
    signal,
  );
}

/** The link that downloads exactly the dashboard shown, headings in `locale`. */
export function fundingDashboardCsvUrl(filters: FundingFilters, locale: Locale): string {
  const params = filtersToParams(filters);
  params.set('lang', locale);
  return `/api/funding/dashboard.csv?${params.toString()}`;
}

/** What the scorecard is asked for (kept in its page's URL). */
export interface ScorecardQuery {
  unconfirmedBefore?: string;
  sort?: 'donor' | 'lastActivity' | 'share' | 'unconfirmed';
  direction?: 'asc' | 'desc';
}

function scorecardParams(query: ScorecardQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.unconfirmedBefore) params.set('unconfirmedBefore', query.unconfirmedBefore);
  if (query.sort) params.set('sort', query.sort);
  if (query.direction) params.set('direction', query.direction);
  return params;
}

/** The reporting-freshness scorecard. */
export function fetchScorecard(query: ScorecardQuery, signal?: AbortSignal): Promise<Scorecard> {
  const q = scorecardParams(query).toString();
  return getJson(`/api/funding/scorecard${q ? `?${q}` : ''}`, ScorecardSchema, signal);
}

/** The link that downloads the scorecard as shown, headings in `locale`. */
export function scorecardCsvUrl(query: ScorecardQuery, locale: Locale): string {
  const params = scorecardParams(query);
  params.set('lang', locale);
  return `/api/funding/scorecard.csv?${params.toString()}`;
}
