import { QueryClient } from '@tanstack/react-query';
import { isApiErrorStatus, isRetryable } from '../lib/api';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 429 is retryable by a person after a pause, not by a loop that makes it worse.
  if (isApiErrorStatus(error, 429)) return false;
  return isRetryable(error) && failureCount < 2;
}

/** Creates the query client with Mesa's retry and freshness defaults. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
    },
  });
}
