import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './audit-log';
import type { SimControls, SimResetOptions } from './sim-controls';
import { appHeaders, fakeUpstream, testApp, url } from './test-helpers';

const IMG = '6f1a2b3c-0000-4000-8000-000000000001';

function distDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dist-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Glance Lineage</title>');
  writeFileSync(path.join(dir, 'assets', 'index-AbCdEf12.js'), 'console.log(1)');
  return dir;
}

describe('proxy routes', () => {
  it('answers health and describes the session without any secret', async () => {
    const { app } = testApp();
    expect(await (await app.request(url('/api/health'))).json()).toEqual({ ok: true });
    const session = (await (await app.request(url('/api/session'))).json()) as Record<string, unknown>;
    expect(session).toMatchObject({ cloud: 'fake', mode: 'demo', readOnly: false, isAdmin: true });
    expect(JSON.stringify(session)).not.toMatch(/token"|password|secret/i);
  });

  it('lists audit entries newest first with filters, and exports the JSONL', async () => {
    const upstream = fakeUpstream((call) =>
      call.method === 'DELETE' && call.path.endsWith('2')
        ? Response.json({ message: 'in use' }, { status: 409 })
        : new Response(null, { status: 204 }),
    );
    const { app } = testApp({ upstream });
    for (const id of ['img-1', 'img-2'])
      await app.request(url(`/api/image/v2/images/${id}`), { method: 'DELETE', headers: appHeaders() });
    await app.request(url(`/api/image/v2/images/${IMG}/tags/golden`), {
      method: 'PUT',
      headers: appHeaders(),
    });

    const all = (await (await app.request(url('/api/audit'))).json()) as { entries: AuditEntry[] };
    expect(all.entries.map((e) => `${e.action} ${e.targets.join(',')} ${e.outcome} ${e.status}`)).toEqual([
      `image.tag.add ${IMG},golden ok 204`,
      'image.delete img-2 error 409',
      'image.delete img-1 ok 204',
    ]);
    expect(all.entries[0]).toMatchObject({ cloud: 'fake', user: 'admin', project: 'admin', method: 'PUT' });
    const errors = (await (await app.request(url('/api/audit?outcome=error'))).json()) as {
      entries: AuditEntry[];
    };
    expect(errors.entries.map((e) => e.targets[0])).toEqual(['img-2']);
    const q = (await (await app.request(url('/api/audit?q=img-1&limit=5'))).json()) as {
      entries: AuditEntry[];
    };
    expect(q.entries).toHaveLength(1);

    const exported = await app.request(url('/api/audit/export'));
    expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
    expect((await exported.text()).trim().split('\n')).toHaveLength(3);
  });

  it('does not audit reads', async () => {
    const { app, audit } = testApp();
    await app.request(url('/api/image/v2/images'));
    expect(audit.list()).toHaveLength(0);
  });

  it('serves the built SPA: hashed assets cacheable, index.html for client routes, JSON 404 under /api', async () => {
    const { app } = testApp({ staticDir: distDir() });
    const asset = await app.request(url('/assets/index-AbCdEf12.js'));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    const route = await app.request(url('/images/abc/lineage'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Glance Lineage</title>');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect((await app.request(url('/assets/index-gone1234.js'))).status).toBe(404);
    expect((await app.request(url('/api/unknown'))).headers.get('content-type')).toMatch(/json/);
  });

  it('mounts test controls only when a simulator is given, behind the app header', async () => {
    const calls: string[] = [];
    const sim: SimControls = {
      reset: (o?: SimResetOptions) => void calls.push(`reset ${o?.scenario}`),
      setFaults: (f: object) => void calls.push(`faults ${JSON.stringify(f)}`),
      clearFaults: () => void calls.push('clear'),
      expireTokens: () => void calls.push('expire'),
    };
    const without = testApp();
    expect(
      (await without.app.request(url('/api/_sim/expire-tokens'), { method: 'POST', headers: appHeaders() }))
        .status,
    ).toBe(404);

    const { app } = testApp({ sim });
    expect((await app.request(url('/api/_sim/expire-tokens'), { method: 'POST' })).status).toBe(403);
    const post = (p: string, body?: unknown) =>
      app.request(url(p), {
        method: 'POST',
        headers: appHeaders({ 'content-type': 'application/json' }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    expect(
      (await post('/api/_sim/reset', { scenario: 'generated', generated: { images: 10, servers: 2 } }))
        .status,
    ).toBe(200);
    expect((await post('/api/_sim/reset', { scenario: 'nope' })).status).toBe(400);
    expect((await post('/api/_sim/faults', { errorRate: 1 })).status).toBe(200);
    expect((await post('/api/_sim/faults', {})).status).toBe(200);
    expect((await post('/api/_sim/expire-tokens')).status).toBe(200);
    const memory = (await (await post('/api/_sim/memory')).json()) as Record<string, unknown>;
    expect(memory.collected).toBe(typeof (globalThis as { gc?: unknown }).gc === 'function');
    expect(memory.heapUsed).toBeGreaterThan(0);
    expect(memory.rss).toBeGreaterThanOrEqual(memory.heapUsed as number);
    expect(calls).toEqual(['reset generated', 'faults {"errorRate":1}', 'clear', 'expire']);
  });
});
