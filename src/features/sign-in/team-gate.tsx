/**
 * In team mode, shows the sign-in page until someone is signed in, and again as soon as the proxy says
 * the session has ended (any 401 `unauthorized` from a query or an action). The notice also follows the
 * proxy's own word (`ended` in /api/team/status), so a page reloaded before it saw the 401 still says
 * why. In personal mode it renders the app as it is.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useState, type ReactNode } from 'react';
import { describeError } from '../../lib/describe-error';
import { SignInPage } from './sign-in-page';
import { forgetPersonData, teamKeys, teamQueries, type TeamStatus } from './team-api';

function isSessionEnd(error: unknown): boolean {
  const e = describeError(error);
  return e.status === 401 && e.code === 'unauthorized';
}

export function TeamGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const status = useQuery(teamQueries.status());
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    const onError = (error: unknown) => {
      if (!isSessionEnd(error)) return;
      const current = client.getQueryData<TeamStatus>(teamKeys.status());
      if (current?.team && current.signedIn) {
        setEnded(true);
        client.setQueryData<TeamStatus>(teamKeys.status(), {
          team: true,
          cloud: current.cloud,
          signedIn: false,
        });
        forgetPersonData(client);
      }
    };
    const offQueries = client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    const offMutations = client.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [client]);

  // The answer is taken in by a transition render: it mounts the whole app (views, queries, lazy chunks),
  // which React then splits between input events instead of doing it in one task of 60 to 150 ms.
  const pending = useDeferredValue(status.isPending);
  const s = useDeferredValue(status.data);
  if (pending) return <p className="p-4 text-sm text-slate-500">Loading…</p>;
  if (s?.team && !s.signedIn)
    return (
      <SignInPage
        cloud={s.cloud ?? ''}
        notice={
          ended || s.ended
            ? 'Your session has ended (signed out, expired or idle too long). Sign in again.'
            : null
        }
        onSignedIn={() => setEnded(false)}
      />
    );
  return <>{children}</>;
}
