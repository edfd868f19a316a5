import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { TeamGate } from '../features/sign-in/team-gate';
import { createQueryClient } from '../lib/query-client';

/**
 * App-wide providers. The QueryClient is created once per mount (tests pass their own). In team mode the
 * gate shows the sign-in page until someone is signed in (personal mode: the app as it is).
 */
export function Providers({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <TeamGate>{children}</TeamGate>
    </QueryClientProvider>
  );
}
