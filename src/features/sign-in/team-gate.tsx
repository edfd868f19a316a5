/**
 * In team mode, shows the sign-in page until someone is signed in, and again as soon as the proxy says
 * the session has ended (any 401 `unauthorized` from a query or an action). In personal mode it renders
 * the app as it is.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { describeError } from '../../lib/describe-error';
import { SignInPage } from './sign-in-page';
import { forgetPersonData, teamKeys, teamQueries, type TeamStatus } from './team-api';

/** Remembers, for this tab, that the session ended, so a reload of the page still says why. */
const ENDED_KEY = 'glance-lineage.session-ended';

function rememberEnded(ended: boolean): void {
  try {
    if (ended) sessionStorage.setItem(ENDED_KEY, '1');
    else sessionStorage.removeItem(ENDED_KEY);
  } catch {
    // Storage may be unavailable (private mode); the notice then lasts until a reload.
    return;
  }
}

function wasEnded(): boolean {
  try {
    return sessionStorage.getItem(ENDED_KEY) === '1';
  } catch {
    return false;
  }
}

function isSessionEnd(error: unknown): boolean {
  const e = describeError(error);
  return e.status === 401 && e.code === 'unauthorized';
}

export function TeamGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const status = useQuery(teamQueries.status());
  const [ended, setEnded] = useState(wasEnded);

  useEffect(() => {
    const onError = (error: unknown) => {
      if (!isSessionEnd(error)) return;
      const current = client.getQueryData<TeamStatus>(teamKeys.status());
      if (current?.team && current.signedIn) {
        setEnded(true);
        rememberEnded(true);
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

  if (status.isPending) return <p className="p-4 text-sm text-slate-500">Loading…</p>;
  const s = status.data;
  if (s?.team && !s.signedIn)
    return (
      <SignInPage
        cloud={s.cloud ?? ''}
        notice={
          ended ? 'Your session has ended (signed out, expired or idle too long). Sign in again.' : null
        }
        onSignedIn={() => {
          setEnded(false);
          rememberEnded(false);
        }}
      />
    );
  return <>{children}</>;
}
