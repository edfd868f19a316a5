import { describe, expect, it } from 'vitest';
import { createSimulator, manualClock, PROJECT_IDS, SIM_ORIGIN } from './index';
import type { KeystoneTokenResponse } from '../openstack/types/keystone';
import { body, glance, login, nova } from './test-kit';

const tokens = `${SIM_ORIGIN}/identity/v3/auth/tokens`;

function passwordAuth(name: string, password: string, project?: Record<string, unknown>): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name, domain: { name: 'Default' }, password } },
        },
        ...(project ? { scope: { project } } : {}),
      },
    }),
  };
}

describe('keystone', () => {
  it('issues a token: 201, X-Subject-Token, catalog of identity/image/compute, expires an hour later by the clock', async () => {
    const clock = manualClock(Date.UTC(2026, 5, 1, 0, 0, 0));
    const sim = createSimulator({ scenario: 'empty', clock });
    const res = await sim.fetch(
      tokens,
      passwordAuth('demo', 'demo-secret', { name: 'demo', domain: { name: 'Default' } }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('x-subject-token')).toMatch(/^[0-9a-f]{64}$/);
    const { token } = await body<KeystoneTokenResponse>(res);
    expect(token.expires_at).toBe('2026-06-01T01:00:00.000000Z');
    expect(token.project).toMatchObject({ id: PROJECT_IDS.demo, name: 'demo' });
    expect(token.roles!.map((r) => r.name).sort()).toEqual(['member', 'reader']);
    const catalog = token.catalog!;
    expect(catalog.map((c) => c.type)).toEqual(['identity', 'image', 'compute']);
    const image = catalog[1]!;
    expect(image.endpoints.map((e) => e.interface)).toEqual(['public', 'internal', 'admin']);
    expect(image.endpoints[0]).toMatchObject({ region: 'RegionOne', url: `${SIM_ORIGIN}/image` });
    expect(catalog[2]!.endpoints[0]!.url).toBe(`${SIM_ORIGIN}/compute/v2.1`);
  });

  it('answers a wrong password with the Keystone 401 body', async () => {
    const sim = createSimulator({ scenario: 'empty' });
    const res = await sim.fetch(tokens, passwordAuth('demo', 'nope'));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: {
        code: 401,
        title: 'Unauthorized',
        message: 'The request you have made requires authentication.',
      },
    });
  });

  it('refuses a scope on a project where the user has no role', async () => {
    const sim = createSimulator({ scenario: 'empty' });
    const res = await sim.fetch(
      tokens,
      passwordAuth('alt', 'alt-secret', { name: 'demo', domain: { name: 'Default' } }),
    );
    expect(res.status).toBe(401);
  });

  it('scopes the admin to demo (member only there) and by project id', async () => {
    const sim = createSimulator({ scenario: 'empty' });
    const res = await sim.fetch(tokens, passwordAuth('admin', 'admin-secret', { id: PROJECT_IDS.demo }));
    const { token } = await body<{ token: { roles: { name: string }[] } }>(res);
    expect(token.roles.map((r) => r.name)).toEqual(['member']);
  });

  it('accepts application credentials', async () => {
    const sim = createSimulator({ scenario: 'empty' });
    const { SIM_APP_CREDENTIALS } = await import('./index');
    const cred = SIM_APP_CREDENTIALS.find((c) => c.user === 'demo')!;
    const res = await sim.fetch(tokens, {
      method: 'POST',
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: { id: cred.id, secret: cred.secret },
          },
        },
      }),
    });
    expect(res.status).toBe(201);
    const { token } = await body<{ token: { methods: string[]; project: { name: string } } }>(res);
    expect(token.methods).toEqual(['application_credential']);
    expect(token.project.name).toBe('demo');
  });

  it('lists the projects of the user, and all projects for admins only', async () => {
    const sim = createSimulator({ scenario: 'empty' });
    const admin = await login(sim, 'admin');
    const demo = await login(sim, 'demo');
    const mine = await sim.fetch(`${SIM_ORIGIN}/identity/v3/auth/projects`, {
      headers: { 'X-Auth-Token': admin },
    });
    expect((await body<{ projects: { name: string }[] }>(mine)).projects.map((p) => p.name)).toEqual([
      'admin',
      'demo',
    ]);
    const all = await sim.fetch(`${SIM_ORIGIN}/identity/v3/projects`, { headers: { 'X-Auth-Token': admin } });
    expect((await body<{ projects: { id: string; name: string }[] }>(all)).projects).toHaveLength(3);
    const denied = await sim.fetch(`${SIM_ORIGIN}/identity/v3/projects`, {
      headers: { 'X-Auth-Token': demo },
    });
    expect(denied.status).toBe(403);
  });

  it('revokes a token with DELETE /v3/auth/tokens; Glance then answers 401 with WWW-Authenticate', async () => {
    const sim = createSimulator({ scenario: 'empty' });
    const t = await login(sim, 'demo');
    expect((await glance(sim, t, '/v2/images')).status).toBe(200);
    const del = await sim.fetch(tokens, {
      method: 'DELETE',
      headers: { 'X-Auth-Token': t, 'X-Subject-Token': t },
    });
    expect(del.status).toBe(204);
    const after = await glance(sim, t, '/v2/images');
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toBe(`Keystone uri="${SIM_ORIGIN}/identity"`);
  });

  it('expires tokens on demand and when the clock passes expires_at', async () => {
    const clock = manualClock();
    const sim = createSimulator({ scenario: 'empty', clock });
    const t1 = await login(sim, 'demo');
    sim.expireTokens();
    expect((await nova(sim, t1, '/servers')).status).toBe(401);
    const t2 = await login(sim, 'demo');
    expect((await nova(sim, t2, '/servers')).status).toBe(200);
    clock.advance(3600_000);
    expect((await nova(sim, t2, '/servers')).status).toBe(401);
  });

  it('rejects Glance and Nova requests without a token', async () => {
    const sim = createSimulator({ scenario: 'empty' });
    expect((await sim.fetch(`${SIM_ORIGIN}/image/v2/images`)).status).toBe(401);
    expect((await sim.fetch(`${SIM_ORIGIN}/compute/v2.1/servers`)).status).toBe(401);
  });
});
