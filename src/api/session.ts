import { queryOptions } from '@tanstack/react-query';
import { readJson, type SessionInfo } from '../openstack';
import { APP_HEADER } from './proxy-transport';

/** What `GET /api/session` answers: who is looking, at which cloud, and how. */
export type Session = SessionInfo & {
  mode: 'demo' | 'cloud';
  readOnly: boolean;
};

export async function getSession(signal?: AbortSignal): Promise<Session> {
  const res = await fetch('/api/session', { signal, headers: { [APP_HEADER]: '1' } });
  return readJson<Session>('proxy', res);
}

export const sessionKeys = {
  all: ['session'] as const,
  current: () => [...sessionKeys.all, 'current'] as const,
};

export const sessionQueries = {
  current: () =>
    queryOptions({
      queryKey: sessionKeys.current(),
      queryFn: ({ signal }) => getSession(signal),
      staleTime: 5 * 60_000,
    }),
};
