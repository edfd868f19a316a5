/**
 * Keystone users for the real-cloud tier (team mode needs a reader-only person, and the lab has none):
 * plain Identity v3 calls with the admin's token, since the sessions only talk to Glance and Nova.
 * Users are created with the run prefix in their name and swept like every other resource of the run.
 * Keystone connections are never reused (uwsgi closes them: LAB-NOTES pitfall 4).
 */
import type { CloudConfig } from '../openstack/cloud-config';
import { createNodeFetch, type FetchLike } from '../openstack/fetch-like';
import { authRequestBody, identityBase } from '../openstack/session';
import { belongsToRun, isRunPrefix } from './run-prefix';

export interface KeystoneAdmin {
  /** An Identity v3 request with the admin's token; throws with Keystone's answer unless 2xx. */
  call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
  revoke(): Promise<void>;
}

interface Named {
  id: string;
  name: string;
}

export async function openKeystoneAdmin(config: CloudConfig): Promise<KeystoneAdmin> {
  const base = identityBase(config.auth.auth_url);
  const fetch: FetchLike = createNodeFetch({
    cacert: config.cacert,
    verify: config.verify,
    keepAlive: false,
  });
  const auth = await fetch(`${base}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(authRequestBody(config)),
  });
  const token = auth.headers.get('x-subject-token');
  await auth.text();
  if (!auth.ok || !token) throw new Error(`Keystone refused the admin's credentials (${auth.status})`);

  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        'X-Auth-Token': token,
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...extra,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`Keystone ${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    call,
    revoke: async () => {
      await call('DELETE', '/auth/tokens', undefined, { 'X-Subject-Token': token }).catch(() => undefined);
    },
  };
}

async function one(
  admin: KeystoneAdmin,
  collection: 'domains' | 'roles' | 'projects',
  name: string,
): Promise<Named> {
  const r = await admin.call<Record<string, Named[]>>(
    'GET',
    `/${collection}?name=${encodeURIComponent(name)}`,
  );
  const found = r[collection]?.[0];
  if (!found) throw new Error(`Keystone has no ${collection.slice(0, -1)} named ${name}`);
  return found;
}

export interface RunUser {
  id: string;
  name: string;
  password: string;
  domain: string;
  project: string;
}

/** A user `<prefix><what>` in `domain` with only `role` on `project` (all given by name). */
export async function createRunUser(
  admin: KeystoneAdmin,
  opts: { prefix: string; what: string; domain: string; project: string; role: string },
): Promise<RunUser> {
  if (!isRunPrefix(opts.prefix)) throw new Error(`'${opts.prefix}' is not a run prefix`);
  const domain = await one(admin, 'domains', opts.domain);
  const role = await one(admin, 'roles', opts.role);
  const projects = await admin.call<{ projects: (Named & { domain_id: string })[] }>(
    'GET',
    `/projects?name=${encodeURIComponent(opts.project)}&domain_id=${encodeURIComponent(domain.id)}`,
  );
  const project = projects.projects[0];
  if (!project) throw new Error(`Keystone has no project ${opts.project} in ${opts.domain}`);
  const name = `${opts.prefix}${opts.what}`;
  const password = `pw-${crypto.randomUUID()}`;
  const { user } = await admin.call<{ user: Named }>('POST', '/users', {
    user: {
      name,
      password,
      domain_id: domain.id,
      enabled: true,
      description: 'glance-lineage real-cloud tier',
    },
  });
  await admin.call('PUT', `/projects/${project.id}/users/${user.id}/roles/${role.id}`);
  return { id: user.id, name, password, domain: opts.domain, project: opts.project };
}

/** Deletes every user named with the run prefix, then lists again: what is still there. */
export async function cleanupRunUsers(
  admin: KeystoneAdmin,
  prefix: string,
): Promise<{ deleted: number; leftBehind: string[] }> {
  if (!isRunPrefix(prefix)) throw new Error(`refusing to clean up: '${prefix}' is not a run prefix`);
  const list = async () =>
    (await admin.call<{ users: Named[] }>('GET', '/users')).users.filter((u) => belongsToRun(u.name, prefix));
  const found = await list();
  for (const u of found) {
    await admin.call('DELETE', `/users/${u.id}`).catch((e: unknown) => {
      if (!(e instanceof Error && / 404 /.test(e.message))) throw e;
    });
  }
  return { deleted: found.length, leftBehind: (await list()).map((u) => `user ${u.id} ${u.name}`) };
}
