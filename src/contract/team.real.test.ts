/**
 * Team mode on a real cloud (the lab in CI), wired the way `--team --cloud <admin cloud>` wires it: people
 * sign in against that cloud's Keystone with their own credentials and the proxy sends each request with
 * the token of the person who made it. Two people signed in at once each see their own project's images;
 * a reader-only person (created for the run through Keystone's API, prefixed, deleted in cleanup) is
 * refused a delete. The member's and the other project's passwords come from their clouds.yaml entries.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CloudConfig } from '../openstack/cloud-config';
import { GlanceClient } from '../openstack/glance';
import { KeystoneSession } from '../openstack/session';
import type { GlanceImage } from '../openstack/types';
import { personUpstream } from '../server/team/request-person';
import { SESSION_COOKIE } from '../server/team/session-cookie';
import { createTeamMode } from '../server/team/team-mode';
import { openTeamCloud } from '../server/team/open-team-cloud';
import {
  cleanupRunUsers,
  createRunUser,
  openKeystoneAdmin,
  type KeystoneAdmin,
  type RunUser,
} from './keystone-users';
import { realProxy, type RealProxy } from './real-proxy';
import { resolveRealClouds } from './real-cloud';
import { exists } from './server-waits';

const run = inject('realRun');
const f = run.fixtures;
const resolved = resolveRealClouds(process.env);
if (resolved.kind !== 'ready') throw new Error(`real-cloud tier: ${resolved.message}`);
const clouds = resolved.clouds;

interface Person {
  name: string;
  cookie: string;
}

function passwordOf(c: CloudConfig): { username: string; password: string; domain: string; project: string } {
  const a = c.auth;
  if (c.authType !== 'password' || !a.username || !a.password || !a.project_name)
    throw new Error(
      `cloud '${c.name}' needs password auth with a user name and a project name for team mode`,
    );
  return {
    username: a.username,
    password: a.password,
    domain: a.user_domain_name ?? 'Default',
    project: a.project_name,
  };
}

let proxy: RealProxy | undefined;
let keystone: KeystoneAdmin | undefined;
let reader: RunUser | undefined;
let memberPrivate: GlanceImage | undefined;
const people: Person[] = [];
const need = () => {
  if (!proxy || !reader || !memberPrivate) throw new Error('team mode is not set up yet');
  return { proxy, reader, memberPrivate };
};

async function signIn(
  p: RealProxy,
  creds: { username: string; password: string; domain: string; project: string },
) {
  const res = await p.send('POST', '/api/team/sign-in', { json: { method: 'password', ...creds } });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  const line = res.headers.getSetCookie().find((l) => l.startsWith(`${SESSION_COOKIE}=`));
  const value = line?.slice(SESSION_COOKIE.length + 1).split(';')[0];
  if (!value) throw new Error(`sign-in of ${creds.username} set no session cookie`);
  const person = { name: creds.username, cookie: `${SESSION_COOKIE}=${value}` };
  people.push(person);
  return {
    person,
    body: JSON.parse(text) as { user: { name: string }; project: { name: string } | null; readOnly: boolean },
  };
}

/** Which of `ids` the person sees in the image list (through the proxy, filtered by the images' names). */
async function visible(p: RealProxy, person: Person, ids: string[]): Promise<string[]> {
  const names = [`${run.prefix}team-member-private`, `${run.prefix}other-private`];
  const q = new URLSearchParams({ name: `in:${names.join(',')}` });
  const { images } = await p.getJson<{ images: GlanceImage[] }>(
    `/api/image/v2/images?${q.toString()}`,
    person.cookie,
  );
  const seen = images.map((i) => i.id).sort();
  expect(ids).toEqual(expect.arrayContaining(seen));
  return seen;
}

describe(`team mode on the real cloud ${clouds.admin.name}`, () => {
  beforeAll(async () => {
    const member = await KeystoneSession.open(clouds.member);
    try {
      memberPrivate = await new GlanceClient(member).createImage({
        name: `${run.prefix}team-member-private`,
        disk_format: 'raw',
        container_format: 'bare',
        visibility: 'private',
      });
    } finally {
      await member.revoke().catch(() => undefined);
    }
    keystone = await openKeystoneAdmin(clouds.admin);
    reader = await createRunUser(keystone, {
      prefix: run.prefix,
      what: 'reader',
      domain: passwordOf(clouds.member).domain,
      project: passwordOf(clouds.member).project,
      role: 'reader',
    });
    // What `--team --cloud <admin cloud>` does in main.ts.
    const opened = openTeamCloud({ cloud: clouds.admin.name, env: process.env });
    const team = createTeamMode({ cloud: opened.cloud });
    proxy = realProxy({ upstream: personUpstream, team });
  });

  afterAll(async () => {
    for (const person of people)
      await proxy?.send('POST', '/api/team/sign-out', { cookie: person.cookie }).catch(() => undefined);
    if (keystone) {
      const r = await cleanupRunUsers(keystone, run.prefix);
      await keystone.revoke();
      expect(r.leftBehind).toEqual([]);
    }
  });

  it('serves nothing before sign-in', async () => {
    const { proxy } = need();
    const res = await proxy.send('GET', '/api/image/v2/images?limit=1');
    expect(res.status).toBe(401);
  });

  it("two people signed in at once each see their own project's private image and not the other's", async () => {
    const { proxy, memberPrivate } = need();
    const member = passwordOf(clouds.member);
    const other = passwordOf(clouds.other);
    const a = await signIn(proxy, member);
    const b = await signIn(proxy, other);
    expect(a.body.project?.name).toBe(member.project);
    expect(b.body.project?.name).toBe(other.project);
    expect(a.person.cookie).not.toBe(b.person.cookie);

    const ids = [memberPrivate.id, f.otherProject.privateId];
    // Interleaved, so a mix-up of the two sessions would show.
    expect(await visible(proxy, a.person, ids)).toEqual([memberPrivate.id]);
    expect(await visible(proxy, b.person, ids)).toEqual([f.otherProject.privateId]);
    expect(await visible(proxy, a.person, ids)).toEqual([memberPrivate.id]);

    const get = (person: Person, id: string) =>
      proxy.send('GET', `/api/image/v2/images/${id}`, { cookie: person.cookie }).then((r) => r.status);
    expect(await get(a.person, memberPrivate.id)).toBe(200);
    expect(await get(a.person, f.otherProject.privateId)).toBe(404);
    expect(await get(b.person, f.otherProject.privateId)).toBe(200);
    expect(await get(b.person, memberPrivate.id)).toBe(404);

    const sessionOf = (person: Person) =>
      proxy.getJson<{ user: { name: string }; project: { name: string } | null }>(
        '/api/session',
        person.cookie,
      );
    expect((await sessionOf(a.person)).user.name).toBe(member.username);
    expect((await sessionOf(b.person)).user.name).toBe(other.username);
  });

  it('a reader-only person sees the project but is refused a delete (403) and the image stays', async () => {
    const { proxy, reader, memberPrivate } = need();
    const { person, body } = await signIn(proxy, {
      username: reader.name,
      password: reader.password,
      domain: reader.domain,
      project: reader.project,
    });
    expect(body.readOnly).toBe(true);
    expect(await visible(proxy, person, [memberPrivate.id, f.otherProject.privateId])).toEqual([
      memberPrivate.id,
    ]);

    const res = await proxy.send('DELETE', `/api/image/v2/images/${memberPrivate.id}`, {
      cookie: person.cookie,
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'read_only' });
    const job = await proxy.send('POST', '/api/jobs/bulk-delete', {
      cookie: person.cookie,
      json: { ids: [memberPrivate.id] },
    });
    expect(job.status).toBe(403);

    const admin = await KeystoneSession.open(clouds.admin);
    try {
      expect(await exists(() => new GlanceClient(admin).getImage(memberPrivate.id))).toBe(true);
    } finally {
      await admin.revoke().catch(() => undefined);
    }
    const refusals = proxy.audit.list({ outcome: 'refused' });
    expect(refusals.some((e) => e.user === reader.name && e.status === 403)).toBe(true);
  });
});
