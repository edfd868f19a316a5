import { describe, expect, it } from 'vitest';
import { SIM_APP_CREDENTIALS } from '../../sim';
import { appHeaders, ORIGIN, testApp, url } from '../test-helpers';
import { SESSION_COOKIE } from './session-cookie';
import { SIGN_IN_REFUSED } from './team-routes';
import { browser, teamStack } from './team-test-kit';

describe('team mode: sign-in', () => {
  it('refuses every API call but health and status before sign-in', async () => {
    const stack = teamStack();
    const b = browser(stack);
    expect((await b.get('/api/health')).status).toBe(200);
    expect(await (await b.get('/api/team/status')).json()).toMatchObject({
      team: true,
      signedIn: false,
      cloud: 'demo',
    });
    for (const path of [
      '/api/session',
      '/api/image/v2/images',
      '/api/compute/servers/detail',
      '/api/audit',
      '/api/jobs',
    ]) {
      const res = await b.get(path);
      expect(res.status, path).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'unauthorized' });
    }
  });

  it('signs in with a password and sets an HttpOnly, SameSite=Strict session cookie (not Secure over plain HTTP)', async () => {
    const stack = teamStack();
    const b = browser(stack);
    const res = await b.signIn('demo');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      signedIn: true,
      user: { name: 'demo' },
      project: { name: 'demo' },
      readOnly: false,
    });
    const line = res.headers.getSetCookie()[0]!;
    expect(line).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; `));
    expect(line).toContain('HttpOnly');
    expect(line).toContain('SameSite=Strict');
    expect(line).toContain('Path=/');
    expect(line).not.toContain('Secure');
    const session = (await (await b.get('/api/session')).json()) as {
      user: { name: string };
      readOnly: boolean;
    };
    expect(session.user.name).toBe('demo');
    expect(session.readOnly).toBe(false);
  });

  it('never sends the Keystone token to the browser', async () => {
    const stack = teamStack();
    const b = browser(stack);
    const res = await b.signIn('demo');
    const text = JSON.stringify(await res.json()) + JSON.stringify([...res.headers]);
    const post = stack.keystoneCalls.find((c) => c.method === 'POST');
    expect(post).toBeDefined();
    const revokeCheck = await b.post('/api/team/sign-out');
    const revoked = stack.keystoneCalls.find((c) => c.method === 'DELETE')!.subject!;
    expect(revoked.length).toBeGreaterThan(20);
    expect(text).not.toContain(revoked);
    expect(b.cookie).toBeNull();
    expect(revokeCheck.status).toBe(200);
  });

  it('marks the cookie Secure with --secure-cookies, or behind a trusted proxy saying https', async () => {
    const secure = browser(teamStack({ secureCookies: true }));
    expect((await secure.signIn('demo')).headers.getSetCookie()[0]).toContain('; Secure');

    const proxied = teamStack({ trustProxy: true, trustProxySettings: true });
    const viaTls = browser(proxied, { 'x-forwarded-proto': 'https' });
    const res = await viaTls.send('/api/team/sign-in', {
      method: 'POST',
      headers: {
        ...appHeaders({ origin: ORIGIN.replace('http:', 'https:') }),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ method: 'password', username: 'demo', password: 'demo-secret' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).toContain('; Secure');

    const untrusted = browser(teamStack(), { 'x-forwarded-proto': 'https' });
    expect((await untrusted.signIn('demo')).headers.getSetCookie()[0]).not.toContain('Secure');
  });

  it('gives one message whether the user name or the password was wrong', async () => {
    const b = browser(teamStack());
    const wrongPassword = await b.send('/api/team/sign-in', {
      method: 'POST',
      headers: appHeaders({ 'content-type': 'application/json' }),
      body: JSON.stringify({ method: 'password', username: 'demo', password: 'nope' }),
    });
    const noSuchUser = await b.send('/api/team/sign-in', {
      method: 'POST',
      headers: appHeaders({ 'content-type': 'application/json' }),
      body: JSON.stringify({ method: 'password', username: 'nobody', password: 'demo-secret' }),
    });
    const a = (await wrongPassword.json()) as { code: string; message: string; requestId: string };
    const c = (await noSuchUser.json()) as { code: string; message: string };
    expect([wrongPassword.status, noSuchUser.status]).toEqual([401, 401]);
    expect(a.code).toBe('auth_failed');
    expect(a.message).toBe(SIGN_IN_REFUSED);
    expect(c.message).toBe(a.message);
    expect(b.cookie).toBeNull();
  });

  it('signs in with an application credential (bound to its project: no switching)', async () => {
    const stack = teamStack();
    const b = browser(stack);
    const cred = SIM_APP_CREDENTIALS.find((x) => x.user === 'alt')!;
    const res = await b.post('/api/team/sign-in', {
      method: 'application_credential',
      id: cred.id,
      secret: cred.secret,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      user: { name: 'alt' },
      project: { name: 'alt' },
      method: 'application_credential',
    });
    const sw = await b.post('/api/team/project', { projectId: 'anything' });
    expect(sw.status).toBe(400);
  });

  it('needs the app header and the same origin on the sign-in POST (CSRF rules)', async () => {
    const stack = teamStack();
    const body = JSON.stringify({ method: 'password', username: 'demo', password: 'demo-secret' });
    const noHeader = await stack.app.request(url('/api/team/sign-in'), {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body,
    });
    const crossSite = await stack.app.request(url('/api/team/sign-in'), {
      method: 'POST',
      headers: appHeaders({ origin: 'https://evil.example', 'content-type': 'application/json' }),
      body,
    });
    for (const res of [noHeader, crossSite]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'csrf_rejected' });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    expect(stack.keystoneCalls).toEqual([]);
  });

  it('rejects a malformed sign-in body with 400 before asking Keystone', async () => {
    const stack = teamStack();
    const res = await browser(stack).post('/api/team/sign-in', { method: 'password', username: 'demo' });
    expect(res.status).toBe(400);
    expect(stack.keystoneCalls).toEqual([]);
  });

  it('answers team:false on the status route in personal mode', async () => {
    const { app } = testApp();
    expect(await (await app.request(url('/api/team/status'))).json()).toEqual({ team: false });
  });
});
