import { describe, expect, it } from 'vitest';
import { SIM_IDENTITY_URL } from '../../sim';
import { appHeaders } from '../test-helpers';
import { browser, teamStack } from './team-test-kit';

async function tokenIsValid(stack: ReturnType<typeof teamStack>, token: string): Promise<boolean> {
  const admin = await stack.sim.fetch(`${SIM_IDENTITY_URL}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'admin', domain: { name: 'Default' }, password: 'admin-secret' } },
        },
      },
    }),
  });
  const res = await stack.sim.fetch(`${SIM_IDENTITY_URL}/auth/tokens`, {
    headers: { 'x-auth-token': admin.headers.get('x-subject-token')!, 'x-subject-token': token },
  });
  return res.status === 200;
}

describe('team mode: sessions', () => {
  it('rotates the session id at sign-in and ends the session the browser had before', async () => {
    const stack = teamStack();
    const b = browser(stack);
    await b.signIn('demo');
    const first = b.cookie!;
    await b.signIn('alt');
    const second = b.cookie!;
    expect(second).not.toBe(first);
    expect(stack.team.store.size).toBe(1);
    expect(stack.keystoneCalls.filter((c) => c.method === 'DELETE')).toHaveLength(1);

    b.cookie = first;
    const res = await b.get('/api/session');
    expect(res.status).toBe(401);
    b.cookie = second;
    expect(await (await b.get('/api/session')).json()).toMatchObject({ user: { name: 'alt' } });
  });

  it('ignores a session id the client made up', async () => {
    const stack = teamStack();
    const b = browser(stack);
    b.cookie = 'A'.repeat(43);
    expect((await b.get('/api/session')).status).toBe(401);
    await b.signIn('demo');
    expect(b.cookie).not.toBe('A'.repeat(43));
  });

  it('revokes the token at Keystone on sign-out and clears the cookie', async () => {
    const stack = teamStack();
    const b = browser(stack);
    await b.signIn('demo');
    const sid = b.cookie!;
    await b.get('/api/image/v2/images');
    const res = await b.post('/api/team/sign-out');
    expect(await res.json()).toEqual({ signedOut: true, revoked: true });
    expect(res.headers.getSetCookie()[0]).toMatch(/^glance_lineage_session=; .*Max-Age=0/);
    const revoked = stack.keystoneCalls.find((c) => c.method === 'DELETE')!.subject!;
    expect(await tokenIsValid(stack, revoked)).toBe(false);
    b.cookie = sid;
    expect((await b.get('/api/image/v2/images')).status).toBe(401);
    expect(stack.audit.list({ action: 'team.sign-out' })[0]).toMatchObject({ user: 'demo', outcome: 'ok' });
  });

  it('ends the session when Keystone no longer accepts the token, without signing in again by itself', async () => {
    const stack = teamStack();
    const b = browser(stack);
    await b.signIn('demo');
    const authsBefore = stack.keystoneCalls.filter((c) => c.method === 'POST').length;
    stack.sim.expireTokens();
    const res = await b.get('/api/image/v2/images');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/session has ended/) as unknown,
    });
    expect(stack.keystoneCalls.filter((c) => c.method === 'POST').length).toBe(authsBefore);
    expect(b.cookie).toBeNull();
    expect(stack.team.store.size).toBe(0);
  });

  it('says in /api/team/status that the session ended until the next sign-in, whether or not the page saw the 401', async () => {
    const stack = teamStack();
    const status = async (b: ReturnType<typeof browser>) =>
      (await (await b.get('/api/team/status')).json()) as { signedIn: boolean; ended: boolean };

    // The page saw the 401: the session cookie is cleared and the marker set.
    const saw = browser(stack);
    await saw.signIn('demo');
    expect(await status(saw)).toMatchObject({ signedIn: true, ended: false });
    stack.sim.expireTokens();
    expect((await saw.get('/api/image/v2/images')).status).toBe(401);
    expect(saw.cookie).toBeNull();
    expect(await status(saw)).toMatchObject({ signedIn: false, ended: true });
    expect(await status(saw)).toMatchObject({ ended: true });
    await saw.signIn('demo');
    expect(await status(saw)).toMatchObject({ signedIn: true, ended: false });

    // The page was reloaded before the 401 reached it: the browser kept the old cookie, with no marker.
    const before = browser(stack);
    await before.signIn('alt');
    const stale = before.cookie;
    stack.sim.expireTokens();
    expect((await before.get('/api/image/v2/images')).status).toBe(401);
    const reloaded = browser(stack);
    reloaded.cookie = stale;
    expect(await status(reloaded)).toMatchObject({ signedIn: false, ended: true });

    // A sign-out is no ending to explain, and a new browser has nothing to be told.
    const out = browser(stack);
    await out.signIn('demo');
    await out.post('/api/team/sign-out');
    expect(await status(out)).toMatchObject({ signedIn: false, ended: false });
    expect(await status(browser(stack))).toMatchObject({ signedIn: false, ended: false });
  });

  it('ends a session after the idle time (revoking its token)', async () => {
    let offset = 0;
    const stack = teamStack({ idleMs: 10 * 60_000, now: () => Date.now() + offset });
    const b = browser(stack);
    await b.signIn('demo');
    offset = 9 * 60_000;
    expect((await b.get('/api/session')).status).toBe(200);
    offset = 18 * 60_000;
    expect((await b.get('/api/session')).status).toBe(200);
    offset = 29 * 60_000;
    const idle = await b.get('/api/session');
    expect(idle.status).toBe(401);
    expect(await idle.json()).toMatchObject({ message: expect.stringMatching(/idle/) as unknown });

    expect(stack.keystoneCalls.filter((k) => k.method === 'DELETE')).toHaveLength(1);
  });

  it('ends a session when its token expires, however active it was', async () => {
    let offset = 0;
    const stack = teamStack({ idleMs: 24 * 3600_000, now: () => Date.now() + offset });
    const b = browser(stack);
    await b.signIn('alt');
    offset = 59 * 60_000;
    expect((await b.get('/api/session')).status).toBe(200);
    offset = 61 * 60_000; // the simulator's tokens live one hour
    expect((await b.get('/api/session')).status).toBe(401);
    expect(stack.keystoneCalls.filter((k) => k.method === 'DELETE')).toHaveLength(1);
  });

  it('limits failed sign-ins per user name: the 6th try in 15 minutes gets 429 with Retry-After', async () => {
    let offset = 0;
    const stack = teamStack({ now: () => Date.now() + offset });
    const b = browser(stack);
    const bad = () =>
      b.post('/api/team/sign-in', { method: 'password', username: 'demo', password: 'wrong' });
    for (let i = 0; i < 5; i++) expect((await bad()).status).toBe(401);
    const limited = await bad();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    // Even the right password waits: the limit is checked before Keystone is asked.
    expect((await b.signIn('demo')).status).toBe(429);
    expect(stack.audit.list({ action: 'team.sign-in', outcome: 'refused' })[0]).toMatchObject({
      code: 'rate_limited',
      targets: ['demo@Default'],
    });
    offset = 15 * 60_000 + 1000;
    expect((await b.signIn('demo')).status).toBe(200);
  });

  it('limits failed sign-ins per address, whatever the user names', async () => {
    const stack = teamStack({ trustProxy: true });
    const from = (addr: string) => browser(stack, { 'x-forwarded-for': `10.0.0.9, ${addr}` });
    const attacker = from('192.0.2.7');
    for (const name of ['a', 'b', 'c', 'd', 'e'])
      expect(
        (await attacker.post('/api/team/sign-in', { method: 'password', username: name, password: 'x' }))
          .status,
      ).toBe(401);
    expect((await attacker.signIn('demo')).status).toBe(429);
    expect((await from('192.0.2.8').signIn('demo')).status).toBe(200);
  });

  it('does not count a refused CSRF attempt or a malformed body as a failed sign-in', async () => {
    const stack = teamStack();
    const b = browser(stack);
    for (let i = 0; i < 6; i++) {
      await b.post(
        '/api/team/sign-in',
        { method: 'password', username: 'demo', password: 'x' },
        { origin: 'https://evil.example', 'x-glance-lineage': '1' },
      );
      await b.post('/api/team/sign-in', { method: 'password', username: 'demo' }, appHeaders());
    }
    expect((await b.signIn('demo')).status).toBe(200);
  });
});
