import { describe, expect, it } from 'vitest';
import type { ErrorEnvelope } from '../openstack/errors';
import { proxySettings } from './settings';
import { appHeaders, fakeUpstream, ORIGIN, testApp, url } from './test-helpers';

const IMG = '6f1a2b3c-0000-4000-8000-000000000001';

async function envelope(res: Response): Promise<ErrorEnvelope> {
  return (await res.json()) as ErrorEnvelope;
}

describe('proxy safety rules', () => {
  it('refuses a Host that is not allowed (DNS rebinding) before anything reaches upstream', async () => {
    const { app, upstream } = testApp();
    const res = await app.request('http://evil.example:8375/api/image/v2/images');
    expect(res.status).toBe(403);
    expect(await envelope(res)).toMatchObject({ code: 'host_rejected', service: 'proxy', status: 403 });
    const viaHeader = await app.request(url('/api/session'), { headers: { host: 'attacker.test:8375' } });
    expect(viaHeader.status).toBe(403);
    expect(upstream.calls).toHaveLength(0);
  });

  it('accepts the loopback names with the listening port, and names added with --allow-host', async () => {
    const { app } = testApp({ settings: proxySettings({ port: 8375, allowHosts: ['dash.lan'] }) });
    for (const host of ['127.0.0.1:8375', 'localhost:8375', '[::1]:8375', 'dash.lan:8375'])
      expect((await app.request(`http://${host}/api/health`)).status, host).toBe(200);
    expect((await app.request('http://localhost:9999/api/health')).status).toBe(403);
  });

  it('refuses a mutating request with a foreign Origin even with the app header (CSRF)', async () => {
    const { app, upstream, audit } = testApp();
    const res = await app.request(url(`/api/image/v2/images/${IMG}`), {
      method: 'DELETE',
      headers: appHeaders({ origin: 'https://evil.example' }),
    });
    expect(res.status).toBe(403);
    expect(await envelope(res)).toMatchObject({ code: 'csrf_rejected' });
    expect(upstream.calls).toHaveLength(0);
    expect(audit.list()[0]).toMatchObject({ action: 'image.delete', outcome: 'refused', targets: [IMG] });
  });

  it('refuses a mutating request without the app header, even from the own origin', async () => {
    const { app, upstream } = testApp();
    const res = await app.request(url(`/api/image/v2/images/${IMG}`), {
      method: 'DELETE',
      headers: { origin: ORIGIN },
    });
    expect(res.status).toBe(403);
    expect(await envelope(res)).toMatchObject({ code: 'csrf_rejected' });
    expect(upstream.calls).toHaveLength(0);
  });

  it('refuses Origin: null (sandboxed frames, file://)', async () => {
    const { app } = testApp();
    const res = await app.request(url('/api/image/v2/images'), {
      method: 'POST',
      headers: appHeaders({ origin: 'null', 'content-type': 'application/json' }),
      body: '{}',
    });
    expect((await envelope(res)).code).toBe('csrf_rejected');
  });

  it('lets a mutating request without Origin through when it carries the app header (CLI, curl)', async () => {
    const upstream = fakeUpstream(() => new Response(null, { status: 204 }));
    const { app } = testApp({ upstream });
    const res = await app.request(url(`/api/image/v2/images/${IMG}`), {
      method: 'DELETE',
      headers: { 'x-glance-lineage': '1' },
    });
    expect(res.status).toBe(204);
    expect(upstream.calls.map((c) => `${c.method} ${c.path}`)).toEqual([`DELETE /v2/images/${IMG}`]);
  });

  it('lets reads through without the app header', async () => {
    const { app } = testApp();
    expect((await app.request(url('/api/image/v2/images?limit=5'))).status).toBe(200);
  });

  it('refuses every mutating request in read-only mode and audits the refusal', async () => {
    const { app, upstream, audit } = testApp({
      settings: { ...proxySettings({ port: 8375 }), readOnly: true },
    });
    const attempts: [string, string, string?][] = [
      ['DELETE', `/api/image/v2/images/${IMG}`],
      ['PATCH', `/api/image/v2/images/${IMG}`, '[]'],
      ['PUT', `/api/image/v2/images/${IMG}/tags/golden`],
      ['POST', `/api/compute/servers/${IMG}/action`, '{"createImage":{"name":"s"}}'],
    ];
    for (const [method, path, body] of attempts) {
      const res = await app.request(url(path), { method, headers: appHeaders(), ...(body ? { body } : {}) });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await envelope(res)).code).toBe('read_only');
    }
    expect(upstream.calls).toHaveLength(0);
    expect(audit.list().map((e) => `${e.action} ${e.outcome}`)).toEqual([
      'server.createImage refused',
      'image.tag.add refused',
      'image.update refused',
      'image.delete refused',
    ]);
    expect((await app.request(url('/api/image/v2/images'))).status).toBe(200);
    const session = (await (await app.request(url('/api/session'))).json()) as { readOnly: boolean };
    expect(session.readOnly).toBe(true);
  });

  it('forwards only allowlisted routes: others get 404 route_not_allowed and never reach upstream', async () => {
    const { app, upstream } = testApp();
    const tries: [string, string, string?][] = [
      ['GET', '/api/image/v1/images'],
      ['GET', '/api/identity/v3/users'],
      ['POST', '/api/compute/servers', '{"server":{}}'],
      ['DELETE', `/api/compute/servers/${IMG}`],
      ['POST', `/api/compute/servers/${IMG}/action`, '{"reboot":{"type":"HARD"}}'],
      ['POST', `/api/compute/servers/${IMG}/action`, 'not json'],
      ['GET', '/api/image/v2/images/%2e%2e%2fv3'],
    ];
    for (const [method, path, body] of tries) {
      const res = await app.request(url(path), { method, headers: appHeaders(), ...(body ? { body } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await envelope(res)).code).toBe('route_not_allowed');
    }
    expect(upstream.calls).toHaveLength(0);
  });

  it('never forwards cookies or a browser-sent X-Auth-Token, and strips hop-by-hop headers', async () => {
    const upstream = fakeUpstream(
      () =>
        new Response('{"images":[]}', {
          headers: {
            'content-type': 'application/json',
            'set-cookie': 'x=1',
            'x-subject-token': 'leak',
            connection: 'keep-alive',
            'keep-alive': 'timeout=5',
            'x-openstack-request-id': 'req-up-1',
          },
        }),
    );
    const { app } = testApp({ upstream });
    const res = await app.request(url('/api/image/v2/images'), {
      headers: {
        cookie: 'sid=1',
        'x-auth-token': 'from-browser',
        accept: 'application/json',
        te: 'trailers',
      },
    });
    const sent = upstream.calls[0]!.headers;
    expect([...sent.keys()]).toEqual(['accept']);
    for (const h of ['set-cookie', 'x-subject-token', 'connection', 'keep-alive'])
      expect(res.headers.has(h), h).toBe(false);
    expect(res.headers.get('x-openstack-request-id')).toBe('req-up-1');
    expect(res.headers.get('x-request-id')).toMatch(/^req-/);
  });

  it('answers upstream errors with the upstream status and one envelope', async () => {
    const upstream = fakeUpstream(
      () =>
        new Response(
          '<html><body><h1>403 Forbidden</h1>Image 1 is protected and cannot be deleted.</body></html>',
          {
            status: 403,
            headers: { 'content-type': 'text/html', 'x-openstack-request-id': 'req-glance-9' },
          },
        ),
    );
    const { app, audit } = testApp({ upstream });
    const res = await app.request(url(`/api/image/v2/images/${IMG}`), {
      method: 'DELETE',
      headers: appHeaders(),
    });
    expect(res.status).toBe(403);
    const env = await envelope(res);
    expect(env).toMatchObject({ status: 403, service: 'image', requestId: 'req-glance-9' });
    expect(audit.list()[0]).toMatchObject({ outcome: 'error', status: 403, requestId: 'req-glance-9' });
  });

  it('maps a network failure to a 5xx envelope', async () => {
    const upstream = fakeUpstream(() => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    });
    const { app } = testApp({ upstream });
    const res = await app.request(url('/api/compute/servers/detail'));
    expect(res.status).toBeGreaterThanOrEqual(502);
    expect((await envelope(res)).code).toMatch(/^upstream_/);
  });

  it('answers unknown /api paths with a JSON 404, not the SPA', async () => {
    const { app } = testApp();
    const res = await app.request(url('/api/nope'));
    expect(res.status).toBe(404);
    expect((await envelope(res)).code).toBe('route_not_allowed');
  });
});
