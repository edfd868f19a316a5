import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_IDS } from '../../sim';
import { recordName } from './shared-session-store';
import { browser, teamStack, type TeamStack, type TeamStackOptions } from './team-test-kit';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o700);
    rmSync(d, { recursive: true, force: true });
  }
});

/** Two replicas of the proxy over one cloud, sharing one session directory (and one clock). */
function replicas(opts: TeamStackOptions = {}) {
  const parent = mkdtempSync(path.join(tmpdir(), 'glance-lineage-sessions-'));
  dirs.push(parent);
  const sessionDir = path.join(parent, 'sessions');
  const a = teamStack({ ...opts, sessionDir });
  const b = teamStack({ ...opts, sessionDir, sim: a.sim });
  const deletes = () => [...a.keystoneCalls, ...b.keystoneCalls].filter((c) => c.method === 'DELETE').length;
  const files = () => readdirSync(sessionDir);
  return { a, b, sessionDir, deletes, files };
}

/** A browser on `stack` holding `cookie` (the load balancer sent this request to that replica). */
function on(stack: TeamStack, cookie: string | null) {
  const b = browser(stack);
  b.cookie = cookie;
  return b;
}

async function status(b: ReturnType<typeof browser>) {
  return (await (await b.get('/api/team/status')).json()) as { signedIn: boolean; ended: boolean };
}

describe('team mode: sessions shared by replicas (--session-dir)', () => {
  it('accepts on one replica the session signed in on another, without asking for the password', async () => {
    const { a, b } = replicas();
    const onA = browser(a);
    expect((await onA.signIn('demo')).status).toBe(200);
    const onB = on(b, onA.cookie);
    expect(await (await onB.get('/api/session')).json()).toMatchObject({
      user: { name: 'demo' },
      project: { name: 'demo' },
    });
    expect((await onB.get('/api/image/v2/images')).status).toBe(200);
    expect(await status(onB)).toMatchObject({ signedIn: true, ended: false });
    expect(b.keystoneCalls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('ends the session on every replica at a sign-out on one, revoking the token once', async () => {
    const { a, b, deletes, files } = replicas();
    const onA = browser(a);
    await onA.signIn('demo');
    expect((await onA.get('/api/image/v2/images')).status).toBe(200);
    const cookie = onA.cookie;
    const onB = on(b, cookie);
    expect(await (await onB.post('/api/team/sign-out')).json()).toEqual({ signedOut: true, revoked: true });
    expect(files()).toEqual([]);
    // A page reloaded on A with the old cookie is told its session ended...
    expect(await status(on(a, cookie))).toMatchObject({ signedIn: false, ended: true });
    // ...and a request on A is refused (the cookie cleared, the ended marker set).
    const res = await onA.get('/api/image/v2/images');
    expect(res.status).toBe(401);
    expect(onA.cookie).toBeNull();
    expect(await status(onA)).toMatchObject({ signedIn: false, ended: true });
    expect(deletes()).toBe(1);
  });

  it('shares idleness: activity on one replica keeps the session alive on the other', async () => {
    let offset = 0;
    const { a, b, deletes, files } = replicas({ idleMs: 10 * 60_000, now: () => Date.now() + offset });
    const onA = browser(a);
    await onA.signIn('demo');
    const onB = on(b, onA.cookie);
    expect((await onB.get('/api/session')).status).toBe(200);
    offset = 9 * 60_000;
    expect((await onA.get('/api/session')).status).toBe(200);
    offset = 18 * 60_000;
    expect((await onB.get('/api/session')).status).toBe(200);
    offset = 27 * 60_000;
    expect((await onA.get('/api/session')).status).toBe(200);
    offset = 38 * 60_000;
    const idle = await onB.get('/api/session');
    expect(idle.status).toBe(401);
    expect(await idle.json()).toMatchObject({ message: expect.stringMatching(/idle/) as unknown });
    await new Promise((r) => setTimeout(r, 20)); // the ending (unlink, revoke) runs after the answer
    expect(files()).toEqual([]);
    expect((await on(a, onA.cookie).get('/api/session')).status).toBe(401);
    expect(deletes()).toBe(1);
  });

  it('removes at sign-in the records that sat idle longer than the idle time', async () => {
    let offset = 0;
    const { a, b, files } = replicas({ idleMs: 10 * 60_000, now: () => Date.now() + offset });
    const left = browser(a);
    await left.signIn('demo');
    offset = 11 * 60_000;
    const next = browser(b);
    await next.signIn('alt');
    expect(files()).toEqual([recordName(next.cookie!)]);
  });

  it('ends the session everywhere when Keystone stops accepting its token on one replica', async () => {
    const { a, b, deletes, files } = replicas();
    const onA = browser(a);
    await onA.signIn('alt');
    const cookie = onA.cookie;
    expect((await on(b, cookie).get('/api/session')).status).toBe(200);
    a.sim.expireTokens();
    expect((await on(b, cookie).get('/api/image/v2/images')).status).toBe(401);
    expect(files()).toEqual([]);
    expect((await on(a, cookie).get('/api/session')).status).toBe(401);
    expect(deletes()).toBe(1);
  });

  it('shows a project switch made on one replica on the other', async () => {
    const { a, b, deletes, files } = replicas();
    const onA = browser(a);
    await onA.signIn('admin');
    const onB = on(b, onA.cookie);
    expect(await (await onB.get('/api/session')).json()).toMatchObject({ project: { name: 'admin' } });
    const sw = await onA.post('/api/team/project', { projectId: PROJECT_IDS.demo });
    expect(sw.status).toBe(200);
    expect(await (await onB.get('/api/session')).json()).toMatchObject({
      project: { name: 'demo' },
      isAdmin: false,
    });
    expect((await onB.get('/api/image/v2/images')).status).toBe(200);
    expect(files()).toHaveLength(1);
    expect(deletes()).toBe(1); // the previous scope's token, revoked by A alone
  });

  it('keeps no token in clear: one sealed 0600 file per session, named by the hash of its id, in a 0700 directory', async () => {
    const { a, sessionDir, files } = replicas();
    const onA = browser(a);
    await onA.signIn('demo');
    const token = a.issuedTokens.at(-1)!;
    expect(token).toBeTruthy();
    expect(files()).toEqual([recordName(onA.cookie!)]);
    const file = path.join(sessionDir, files()[0]!);
    const bytes = readFileSync(file);
    for (const clear of [token, onA.cookie!, '"user"', 'expires_at', 'demo-secret'])
      expect(bytes.includes(Buffer.from(clear))).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(sessionDir).mode & 0o777).toBe(0o700);
  });

  it('deletes the previous record when a browser signs in again (session id rotation)', async () => {
    const { a, b, files } = replicas();
    const onA = browser(a);
    await onA.signIn('demo');
    const first = onA.cookie!;
    const onB = on(b, first);
    await onB.signIn('alt');
    expect(files()).toEqual([recordName(onB.cookie!)]);
    expect((await on(a, first).get('/api/session')).status).toBe(401);
    expect(await (await on(a, onB.cookie).get('/api/session')).json()).toMatchObject({
      user: { name: 'alt' },
    });
  });

  it('treats a tampered or truncated record as no session, and a made-up cookie as nothing', async () => {
    const { a, b, sessionDir } = replicas();
    for (const damage of [
      (bytes: Buffer) =>
        Buffer.concat([bytes.subarray(0, 40), Buffer.from([bytes[40]! ^ 1]), bytes.subarray(41)]),
      (bytes: Buffer) => bytes.subarray(0, 30),
      () => Buffer.alloc(0),
      () => Buffer.from('{"not":"sealed"}'),
    ]) {
      const onA = browser(a);
      await onA.signIn('demo');
      const file = path.join(sessionDir, recordName(onA.cookie!));
      writeFileSync(file, damage(readFileSync(file)));
      // A replica that does not hold the session in memory has only the record to go on.
      const fresh = on(teamStack({ sessionDir, sim: a.sim }), onA.cookie);
      expect((await fresh.get('/api/session')).status).toBe(401);
      expect(await status(on(b, onA.cookie))).toMatchObject({ signedIn: false });
    }
    const madeUp = on(b, 'A'.repeat(43));
    expect((await madeUp.get('/api/session')).status).toBe(401);
    expect(await status(madeUp)).toMatchObject({ signedIn: false });
  });

  it('ends no session when a replica stops: the others, and the replica restarted, go on serving it', async () => {
    const { a, b, sessionDir, deletes, files } = replicas();
    const onA = browser(a);
    await onA.signIn('demo');
    await a.team.store.close();
    expect(a.team.store.size).toBe(0);
    expect((await on(b, onA.cookie).get('/api/session')).status).toBe(200);
    const restarted = teamStack({ sessionDir, sim: a.sim });
    expect(await (await on(restarted, onA.cookie).get('/api/session')).json()).toMatchObject({
      user: { name: 'demo' },
    });
    expect(files()).toHaveLength(1);
    expect(deletes()).toBe(0);
  });
});
