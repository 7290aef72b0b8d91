import type { UseQueryResult } from '@tanstack/react-query';
import { isRetryable } from './api';

/** The parts of a query result that failure handling reads. */
export type QueryOutcome = Pick<
  UseQueryResult<unknown>,
  'isError' | 'error' | 'data' | 'isPlaceholderData' | 'refetch'
>;

/** The queries that failed and have no real data to fall back on (placeholders do not count). */
export function failedQueries(queries: readonly QueryOutcome[]): QueryOutcome[] {
  return queries.filter(
    (query) => query.isError && (query.data === undefined || query.isPlaceholderData),
  );
}

/** A retry action for failed queries, or undefined when retrying cannot help (e.g. 403, 404). */
export function retryFor(failed: readonly QueryOutcome[]): (() => void) | undefined {
  if (!failed.some((query) => isRetryable(query.error))) return undefined;
  return () => failed.forEach((query) => void query.refetch());
}
