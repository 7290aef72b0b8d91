import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ErrorCodes } from '@mesa/shared';
import { ApiError, isApiErrorStatus, isRetryable } from '../lib/api';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 429 is retryable by a person after a pause, not by a loop that makes it worse.
  if (isApiErrorStatus(error, 429)) return false;
  return isRetryable(error) && failureCount < 2;
}

/** Whether an error means the session is gone (not a wrong password, which is also a 401). */
export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.code === ErrorCodes.unauthenticated;
}

/** Options of createQueryClient. */
export interface QueryClientOptions {
  /** Called when any query or mutation learns that the session has ended. */
  onUnauthenticated?: () => void;
}

/** Creates the query client with Mesa's retry and freshness defaults. */
export function createQueryClient(options: QueryClientOptions = {}): QueryClient {
  const onError = (error: unknown): void => {
    if (isSessionEnded(error)) options.onUnauthenticated?.();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
    },
  });
}
