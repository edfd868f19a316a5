/** The team-mode routes of the proxy (`/api/team/*`): who is signed in, sign-in/out, project switch. */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { APP_HEADER } from '../../api/proxy-transport';
import { readJson } from '../../openstack';

export interface SignedInPerson {
  user: { id: string; name: string; domain: string | null };
  project: { id: string; name: string; domain: string | null } | null;
  roles: string[];
  readOnly: boolean;
  method: 'password' | 'application_credential';
  expiresAt: string;
}

/** `{team: false}` in personal mode; in team mode, the cloud, and the person when someone is signed in. */
export type TeamStatus = {
  team: boolean;
  cloud?: string;
  signedIn?: boolean;
  /** The session ended without a sign-out (the proxy remembers it in a cookie until the next sign-in). */
  ended?: boolean;
} & Partial<SignedInPerson>;

export type SignInRequest =
  | { method: 'password'; username: string; password: string; domain: string; project: string }
  | { method: 'application_credential'; id: string; secret: string };

export interface TeamProject {
  id: string;
  name: string;
  domainId: string;
}

export const teamKeys = {
  all: ['team'] as const,
  status: () => [...teamKeys.all, 'status'] as const,
  projects: () => [...teamKeys.all, 'projects'] as const,
};

/** A proxy without team routes (older build, tests) is personal mode. */
async function getStatus(signal?: AbortSignal): Promise<TeamStatus> {
  const res = await fetch('/api/team/status', { signal, headers: { [APP_HEADER]: '1' } });
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return { team: false };
  const body = (await res.json()) as { team?: unknown };
  return body.team === true ? (body as TeamStatus) : { team: false };
}

function post(path: string, body?: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { [APP_HEADER]: '1', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export async function signIn(req: SignInRequest): Promise<SignedInPerson> {
  return readJson<SignedInPerson>('proxy', await post('/api/team/sign-in', req));
}

export async function signOut(): Promise<{ signedOut: true; revoked: boolean }> {
  return readJson('proxy', await post('/api/team/sign-out'));
}

export async function switchProject(projectId: string): Promise<SignedInPerson> {
  return readJson<SignedInPerson>('proxy', await post('/api/team/project', { projectId }));
}

export const teamQueries = {
  status: () =>
    queryOptions({
      queryKey: teamKeys.status(),
      queryFn: ({ signal }) => getStatus(signal),
      staleTime: Infinity,
    }),
  projects: () =>
    queryOptions({
      queryKey: teamKeys.projects(),
      queryFn: async ({ signal }) =>
        readJson<{ projects: TeamProject[]; current: string | null; canSwitch: boolean }>(
          'proxy',
          await fetch('/api/team/projects', { signal, headers: { [APP_HEADER]: '1' } }),
        ),
      staleTime: 5 * 60_000,
    }),
};

/** Forgets everything fetched for the previous person (their images, servers, audit, jobs). */
export function forgetPersonData(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== teamKeys.all[0] });
}
