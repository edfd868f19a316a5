/** Small helpers for tests that talk to the simulator with plain fetch requests (no project clients). */
import { SIM_ORIGIN } from './origin';
import type { Simulator } from './simulator';
import { USERS, type ProjectName, type UserName } from './state/identity';

export async function login(
  sim: Simulator,
  user: UserName = 'admin',
  project?: ProjectName,
): Promise<string> {
  const u = USERS.find((x) => x.name === user)!;
  const res = await sim.fetch(`${SIM_ORIGIN}/identity/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: u.name, domain: { name: 'Default' }, password: u.password } },
        },
        scope: { project: { name: project ?? u.defaultProject, domain: { name: 'Default' } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`login ${user}: ${res.status}`);
  return res.headers.get('x-subject-token')!;
}

/** A Glance request (path relative to the image endpoint, e.g. `/v2/images`), Accept: application/json. */
export function glance(
  sim: Simulator,
  token: string,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  return sim.fetch(`${SIM_ORIGIN}/image${path}`, {
    ...init,
    headers: {
      Accept: 'application/json',
      'X-Auth-Token': token,
      ...(init.headers as Record<string, string> | undefined),
    },
  });
}

/** A Nova request (path relative to `/compute/v2.1`), microversion 2.92 unless given. */
export function nova(
  sim: Simulator,
  token: string,
  path: string,
  init: RequestInit = {},
  microversion: string | null = '2.92',
): Promise<Response> {
  const headers: Record<string, string> = {
    'X-Auth-Token': token,
    ...(init.headers as Record<string, string> | undefined),
  };
  if (microversion) headers['OpenStack-API-Version'] = `compute ${microversion}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  return sim.fetch(`${SIM_ORIGIN}/compute/v2.1${path}`, { ...init, headers });
}

export function patchImage(
  sim: Simulator,
  token: string,
  id: string,
  ops: unknown[],
  contentType = 'application/openstack-images-v2.1-json-patch',
): Promise<Response> {
  return glance(sim, token, `/v2/images/${id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': contentType },
    body: JSON.stringify(ops),
  });
}

export async function body<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export interface WireImage {
  id: string;
  name: string | null;
  status: string;
  visibility: string;
  owner: string;
  [k: string]: unknown;
}
export interface WireImageList {
  images: WireImage[];
  next?: string;
  first: string;
  schema: string;
}
export interface WireServer {
  id: string;
  name: string;
  status: string;
  tenant_id: string;
  image: { id: string } | '';
  [k: string]: unknown;
}
