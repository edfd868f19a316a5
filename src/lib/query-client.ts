import { QueryClient } from '@tanstack/react-query';
import { isRetryable } from './describe-error';

/** The app's one QueryClient configuration. Create it once (providers.tsx) or once per test. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => isRetryable(error) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
