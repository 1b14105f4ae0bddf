import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './api-error';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (403, 404, …) will not fix themselves; retry only flaky failures.
        retry: (failureCount, error) =>
          failureCount < 2 && (!(error instanceof ApiRequestError) || error.status === 0 || error.status >= 500),
      },
      mutations: { retry: false },
    },
  });
}
