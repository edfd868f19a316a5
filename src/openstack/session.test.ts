import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { CloudConfig } from './cloud-config';
import { OpenStackError } from './errors';
import { recorded } from './fixtures/recorded';
import { authRequestBody, identityBase, KeystoneSession } from './session';
import type { KeystoneTokenResponse } from './types';

const PASSWORD = 'demo-secret';
const HOUR = 3600_000;
const T0 = Date.parse('2026-11-29T03:59:41Z');

function cloud(overrides: Partial<CloudConfig> = {}): CloudConfig {
  return {
    name: 'lab',
    authType: 'password',
    auth: {
      auth_url: 'http://127.0.0.1:5000/v3/',
      username: 'demo',
      password: PASSWORD,
      project_name: 'demo',
      user_domain_name: 'Default',
      project_domain_name: 'Default',
    },
    regionName: 'RegionOne',
    interface: 'public',
    cacert: null,
    verify: true,
    testCloud: false,
    source: 'test',
    ...overrides,
  };
}

function urlOf(input: string | URL | Request): string {
  return input instanceof Request ? input.url : input instanceof URL ? input.href : input;
}

interface Call {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

/** Keystone + a Glance/Nova that accept only the newest token. Tokens: tok-1, tok-2, ... */
function fakeCloud(opts: { now: () => number; rejectAuth?: boolean; lifetimeMs?: number }) {
  const calls: Call[] = [];
  let issued = 0;
  let current = '';
  const revoked = new Set<string>();
  let authDelay: Promise<void> = Promise.resolve();
  const fixture = recorded('keystone-token-demo').body as KeystoneTokenResponse;

  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = urlOf(input);
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    calls.push({ method, url, headers, body });
    await Promise.resolve();
    if (url === 'http://127.0.0.1:5000/v3/auth/tokens' && method === 'POST') {
      await authDelay;
      if (opts.rejectAuth)
        return Response.json(
          {
            error: {
              code: 401,
              title: 'Unauthorized',
              message: 'The request you have made requires authentication.',
            },
          },
          { status: 401 },
        );
      current = `tok-${++issued}`;
      const now = opts.now();
      const token = {
        ...fixture.token,
        issued_at: new Date(now).toISOString(),
        expires_at: new Date(now + (opts.lifetimeMs ?? HOUR)).toISOString(),
      };
      return Response.json({ token }, { status: 201, headers: { 'X-Subject-Token': current } });
    }
    if (url === 'http://127.0.0.1:5000/v3/auth/tokens' && method === 'DELETE') {
      revoked.add(headers.get('X-Subject-Token') ?? '');
      return new Response(null, { status: 204 });
    }
    if (headers.get('X-Auth-Token') !== current || revoked.has(current))
      return Response.json({ error: { code: 401, message: 'nope' } }, { status: 401 });
    if (url === 'http://127.0.0.1:5000/v3/auth/projects')
      return Response.json({ projects: [{ id: 'p1', name: 'demo', domain_id: 'default', enabled: true }] });
    return Response.json({ ok: url }, { status: 200 });
  };
  return {
    fetch,
    calls,
    authCalls: () => calls.filter((c) => c.url.endsWith('/auth/tokens') && c.method === 'POST').length,
    expireCurrent: () => {
      revoked.add(current);
    },
    holdAuth: () => {
      let release: () => void = () => undefined;
      authDelay = new Promise<void>((r) => (release = r));
      return () => release();
    },
  };
}

async function openSession(
  extra: { lifetimeMs?: number; renewBeforeMs?: number; config?: CloudConfig } = {},
) {
  let now = T0;
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const fake = fakeCloud({ now: clock.now, lifetimeMs: extra.lifetimeMs });
  const session = await KeystoneSession.open(extra.config ?? cloud(), {
    fetch: fake.fetch,
    now: clock.now,
    renewBeforeMs: extra.renewBeforeMs,
  });
  return { session, fake, clock };
}

describe('KeystoneSession.open', () => {
  it('posts a Keystone v3 password body to <auth_url>/v3/auth/tokens', async () => {
    const { fake } = await openSession();
    expect(fake.calls[0]).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:5000/v3/auth/tokens' });
    expect(fake.calls[0]!.body).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'demo', domain: { name: 'Default' }, password: PASSWORD } },
        },
        scope: { project: { name: 'demo', domain: { name: 'Default' } } },
      },
    });
  });

  it('exposes session info without the token', async () => {
    const { session } = await openSession();
    const info = session.info();
    expect(info).toEqual({
      cloud: 'lab',
      region: 'RegionOne',
      authUrl: 'http://127.0.0.1:5000/v3/',
      user: { id: 'f2a02316ac5643f0a6e76ce4d4216c67', name: 'demo', domain: 'Default' },
      project: { id: '2c72c112c0944ccfa5eba64442c61478', name: 'demo', domain: 'Default' },
      roles: ['member', 'reader'],
      isAdmin: false,
      expiresAt: new Date(T0 + HOUR).toISOString(),
    });
    const shown = JSON.stringify(info) + inspect(session, { depth: 5 }) + JSON.stringify(session);
    expect(shown).not.toContain('tok-1');
    expect(shown).not.toContain(PASSWORD);
  });

  it('fails with auth_failed, without saying which credential was wrong or echoing it', async () => {
    const fake = fakeCloud({ now: () => T0, rejectAuth: true });
    const err = await KeystoneSession.open(cloud(), { fetch: fake.fetch }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenStackError);
    const e = err as OpenStackError;
    expect(e.envelope).toMatchObject({ code: 'auth_failed', service: 'identity', status: 401 });
    expect(e.message).toBe(
      "Keystone at 127.0.0.1:5000 rejected the credentials of cloud 'lab' (password authentication)",
    );
    expect(e.message).not.toContain(PASSWORD);
    expect(e.message).not.toMatch(/wrong (user|password)|unknown user|invalid password/i);
  });

  it('maps an unreachable Keystone to upstream_unreachable naming the host', async () => {
    const refused = (): Promise<Response> =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
        }),
      );
    const err = await KeystoneSession.open(cloud(), { fetch: refused }).catch((e: unknown) => e);
    expect((err as OpenStackError).envelope).toMatchObject({
      code: 'upstream_unreachable',
      service: 'identity',
      status: 502,
      message: 'Cannot reach Keystone at 127.0.0.1:5000: connection refused',
    });
  });

  it('by default talks to Keystone over node:http with Connection: close', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const fixture = recorded('keystone-token-demo').body;
    const server = http.createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json', 'x-subject-token': 'real-tok' });
        res.end(JSON.stringify(fixture));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const session = await KeystoneSession.open(
        cloud({ auth: { ...cloud().auth, auth_url: `http://127.0.0.1:${port}` } }),
      );
      expect(session.info().user.name).toBe('demo');
      expect(seen[0]?.connection).toBe('close');
      expect(seen[0]?.['content-type']).toBe('application/json');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('KeystoneSession.endpoint', () => {
  it('picks the catalog URL by type, interface and region, without a trailing slash', async () => {
    const { session } = await openSession();
    expect(session.endpoint('image')).toBe('http://127.0.0.1:9292');
    expect(session.endpoint('compute')).toBe('http://127.0.0.1:8774/v2.1');
  });

  it('throws a config_error naming what the catalog offers when the region has no endpoint', async () => {
    const { session } = await openSession({ config: cloud({ regionName: 'Mars' }) });
    expect(() => session.endpoint('image')).toThrow(
      "the Keystone catalog of cloud 'lab' has no public 'image' endpoint in region 'Mars' (it has: public@RegionOne, internal@RegionOne, admin@RegionOne)",
    );
    try {
      session.endpoint('image');
    } catch (e) {
      expect((e as OpenStackError).envelope).toMatchObject({ code: 'config_error', status: 400 });
    }
  });
});

describe('KeystoneSession.request', () => {
  it('adds the token, Accept and, for Nova only, the pinned microversion', async () => {
    const { session, fake } = await openSession();
    const res = await session.request('compute', '/servers/detail?limit=1000');
    expect(await res.json()).toEqual({ ok: 'http://127.0.0.1:8774/v2.1/servers/detail?limit=1000' });
    const nova = fake.calls.at(-1)!;
    expect(nova.headers.get('X-Auth-Token')).toBe('tok-1');
    expect(nova.headers.get('Accept')).toBe('application/json');
    expect(nova.headers.get('OpenStack-API-Version')).toBe('compute 2.92');

    await session.request('image', '/v2/images/x/file', { headers: { Accept: 'application/octet-stream' } });
    const glance = fake.calls.at(-1)!;
    expect(glance.url).toBe('http://127.0.0.1:9292/v2/images/x/file');
    expect(glance.headers.get('Accept')).toBe('application/octet-stream');
    expect(glance.headers.has('OpenStack-API-Version')).toBe(false);
  });

  it('renews the token when it is within renewBeforeMs of expiring, and not before', async () => {
    const { session, fake, clock } = await openSession();
    clock.advance(HOUR - 6 * 60_000);
    await session.request('image', '/v2/images');
    expect(fake.authCalls()).toBe(1);
    clock.advance(2 * 60_000);
    await session.request('image', '/v2/images');
    expect(fake.authCalls()).toBe(2);
    expect(fake.calls.at(-1)!.headers.get('X-Auth-Token')).toBe('tok-2');
  });

  it('shares one in-flight renewal between concurrent requests', async () => {
    const { session, fake, clock } = await openSession();
    clock.advance(HOUR);
    const release = fake.holdAuth();
    const all = Promise.all([1, 2, 3, 4].map(() => session.request('image', '/v2/images')));
    await new Promise((r) => setTimeout(r, 5));
    release();
    const results = await all;
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(fake.authCalls()).toBe(2);
  });

  it('on a 401 re-authenticates once and retries the request once', async () => {
    const { session, fake } = await openSession();
    fake.expireCurrent();
    const res = await session.request('image', '/v2/images/abc', { method: 'PATCH', body: '[]' });
    expect(res.status).toBe(200);
    expect(fake.authCalls()).toBe(2);
    const patches = fake.calls.filter((c) => c.method === 'PATCH');
    expect(patches.map((c) => c.headers.get('X-Auth-Token'))).toEqual(['tok-1', 'tok-2']);
    expect(patches[1]!.body).toEqual([]);
  });

  it('concurrent 401s share one re-authentication', async () => {
    const { session, fake } = await openSession();
    fake.expireCurrent();
    const res = await Promise.all([session.request('image', '/a'), session.request('image', '/b')]);
    expect(res.map((r) => r.status)).toEqual([200, 200]);
    expect(fake.authCalls()).toBe(2);
  });

  it('returns the second 401 instead of looping', async () => {
    let auths = 0;
    const fetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
      if (urlOf(input).endsWith('/auth/tokens')) {
        auths++;
        return Promise.resolve(
          Response.json(recorded('keystone-token-demo').body, {
            status: 201,
            headers: { 'X-Subject-Token': `t${auths}` },
          }),
        );
      }
      void init;
      return Promise.resolve(new Response('{"error":{"code":401,"message":"no"}}', { status: 401 }));
    };
    const session = await KeystoneSession.open(cloud(), { fetch, now: () => T0 });
    const res = await session.request('image', '/v2/images');
    expect(res.status).toBe(401);
    expect(auths).toBe(2);
  });

  it('does not retry a streamed body after a 401', async () => {
    const { session, fake } = await openSession();
    fake.expireCurrent();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1]));
        c.close();
      },
    });
    const res = await session.request('image', '/v2/images/x/file', {
      method: 'PUT',
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(401);
    expect(fake.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('throws errorFromNetwork for the service on network failure', async () => {
    const token = recorded('keystone-token-demo').body;
    const fetch = (input: string | URL | Request): Promise<Response> =>
      urlOf(input).endsWith('/auth/tokens')
        ? Promise.resolve(Response.json(token, { status: 201, headers: { 'X-Subject-Token': 't' } }))
        : Promise.reject(
            new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }),
          );
    const session = await KeystoneSession.open(cloud(), { fetch, now: () => T0 });
    const err = await session.request('compute', '/servers/detail').catch((e: unknown) => e);
    expect((err as OpenStackError).envelope).toMatchObject({
      code: 'upstream_unreachable',
      service: 'compute',
      message: 'Cannot reach Nova at 127.0.0.1:8774: connection reset',
    });
  });

  it('passes the caller abort through unchanged', async () => {
    const token = recorded('keystone-token-demo').body;
    const fetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> =>
      urlOf(input).endsWith('/auth/tokens')
        ? Promise.resolve(Response.json(token, { status: 201, headers: { 'X-Subject-Token': 't' } }))
        : Promise.reject(init.signal?.reason as Error);
    const session = await KeystoneSession.open(cloud(), { fetch, now: () => T0 });
    const ac = new AbortController();
    ac.abort();
    await expect(session.request('image', '/v2/images', { signal: ac.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('KeystoneSession revoke and listProjects', () => {
  it('lists the projects of the user', async () => {
    const { session, fake } = await openSession();
    expect(await session.listProjects()).toEqual([
      { id: 'p1', name: 'demo', domain_id: 'default', enabled: true },
    ]);
    expect(fake.calls.at(-1)!.headers.get('X-Auth-Token')).toBe('tok-1');
  });

  it('revokes with DELETE /v3/auth/tokens and authenticates again on the next request', async () => {
    const { session, fake } = await openSession();
    await session.revoke();
    const del = fake.calls.at(-1)!;
    expect(del).toMatchObject({ method: 'DELETE', url: 'http://127.0.0.1:5000/v3/auth/tokens' });
    expect(del.headers.get('X-Subject-Token')).toBe('tok-1');
    expect((await session.request('image', '/v2/images')).status).toBe(200);
    expect(fake.authCalls()).toBe(2);
  });
});

describe('authRequestBody', () => {
  it('builds an application credential body without a scope', () => {
    const c = cloud({
      authType: 'v3applicationcredential',
      auth: {
        auth_url: 'http://k',
        application_credential_id: 'ac1',
        application_credential_secret: 's',
        project_name: 'ignored',
      },
    });
    expect(authRequestBody(c)).toEqual({
      auth: {
        identity: { methods: ['application_credential'], application_credential: { id: 'ac1', secret: 's' } },
      },
    });
    const byName = cloud({
      authType: 'v3applicationcredential',
      auth: {
        auth_url: 'http://k',
        application_credential_name: 'n',
        application_credential_secret: 's',
        username: 'u',
        user_domain_id: 'd1',
      },
    });
    expect(authRequestBody(byName).auth.identity).toEqual({
      methods: ['application_credential'],
      application_credential: { name: 'n', user: { name: 'u', domain: { id: 'd1' } }, secret: 's' },
    });
  });

  it('builds a token body scoped by project id', () => {
    const c = cloud({ authType: 'token', auth: { auth_url: 'http://k', token: 'gAAA', project_id: 'p1' } });
    expect(authRequestBody(c)).toEqual({
      auth: { identity: { methods: ['token'], token: { id: 'gAAA' } }, scope: { project: { id: 'p1' } } },
    });
  });

  it('uses user_id without a domain, and the default domain when none is named', () => {
    const byId = cloud({ auth: { auth_url: 'http://k', user_id: 'u1', password: 'p', project_name: 'x' } });
    expect(authRequestBody(byId).auth).toEqual({
      identity: { methods: ['password'], password: { user: { id: 'u1', password: 'p' } } },
      scope: { project: { name: 'x', domain: { id: 'default' } } },
    });
  });
});

describe('identityBase', () => {
  it.each([
    ['http://k:5000', 'http://k:5000/v3'],
    ['http://k:5000/', 'http://k:5000/v3'],
    ['http://k:5000/v3/', 'http://k:5000/v3'],
    ['https://k/identity/v3', 'https://k/identity/v3'],
    ['http://k:5000/v2.0', 'http://k:5000/v3'],
  ])('%s -> %s', (given, want) => {
    expect(identityBase(given)).toBe(want);
  });
});
