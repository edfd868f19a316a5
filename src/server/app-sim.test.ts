/**
 * The proxy over the real stack: simulator → KeystoneSession → createApp, in-process.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorEnvelope } from '../openstack/errors';
import type { GlanceImage, GlanceImageList } from '../openstack/types/glance';
import { DEMO_IDS, simCloudConfig } from '../sim';
import { simStack } from './sim-stack';
import { appHeaders, url } from './test-helpers';

const PATCH_TYPE = 'application/openstack-images-v2.1-json-patch';

function bytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) % 251;
  return b;
}

function streamOf(data: Uint8Array, chunk = 4096): ReadableStream<Uint8Array> {
  let off = 0;
  return new ReadableStream({
    pull(controller) {
      if (off >= data.length) return controller.close();
      controller.enqueue(data.slice(off, off + chunk));
      off += chunk;
    },
  });
}

describe('proxy over the simulator', () => {
  it('forwards lists with their query, paginated as Glance does', async () => {
    const { app } = await simStack();
    const res = await app.request(url('/api/image/v2/images?limit=3&sort=name:asc'));
    expect(res.status).toBe(200);
    const page = (await res.json()) as GlanceImageList;
    expect(page.images).toHaveLength(3);
    expect(page.next).toMatch(/^\/v2\/images\?.*marker=/);
    const names = page.images.map((i) => i.name ?? '');
    expect([...names].sort()).toEqual(names);
    const servers = await app.request(url('/api/compute/servers/detail'));
    expect(servers.status).toBe(200);
    expect(((await servers.json()) as { servers: unknown[] }).servers.length).toBeGreaterThan(0);
  });

  it('passes Glance 415 and 409 answers on with their status as one envelope', async () => {
    const { app } = await simStack();
    const wrongType = await app.request(url(`/api/image/v2/images/${DEMO_IDS.web2Snap}`), {
      method: 'PATCH',
      headers: appHeaders({ 'content-type': 'application/json' }),
      body: '[]',
    });
    expect(wrongType.status).toBe(415);
    expect((await wrongType.json()) as ErrorEnvelope).toMatchObject({
      code: 'unsupported_media_type',
      service: 'image',
      status: 415,
    });

    const missing = await app.request(url(`/api/image/v2/images/${DEMO_IDS.web2Snap}`), {
      method: 'PATCH',
      headers: appHeaders({ 'content-type': PATCH_TYPE }),
      body: JSON.stringify([{ op: 'remove', path: '/no_such_property' }]),
    });
    expect(missing.status).toBe(409);
    const env = (await missing.json()) as ErrorEnvelope;
    expect(env).toMatchObject({ code: 'conflict', service: 'image', status: 409 });
    expect(env.requestId).toBeTruthy();
  });

  it('updates an image with a JSON patch and audits it', async () => {
    const { app, audit } = await simStack();
    const res = await app.request(url(`/api/image/v2/images/${DEMO_IDS.web2Snap}`), {
      method: 'PATCH',
      headers: appHeaders({ 'content-type': PATCH_TYPE }),
      body: JSON.stringify([{ op: 'add', path: '/note', value: 'checked' }]),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as GlanceImage & { note?: string }).note).toBe('checked');
    expect(audit.list()[0]).toMatchObject({
      action: 'image.update',
      targets: [DEMO_IDS.web2Snap],
      outcome: 'ok',
      status: 200,
      cloud: 'demo',
      user: 'admin',
    });
  });

  it('refuses to delete a protected image with Glance 403 and logs the failed attempt', async () => {
    const { app, audit, sim } = await simStack();
    const res = await app.request(url(`/api/image/v2/images/${DEMO_IDS.web1Snap}`), {
      method: 'DELETE',
      headers: appHeaders(),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorEnvelope).code).toBe('forbidden');
    expect(audit.list()[0]).toMatchObject({ action: 'image.delete', outcome: 'error', status: 403 });
    expect(sim.snapshotState().images.some((i) => i.id === DEMO_IDS.web1Snap)).toBe(true);
  });

  it('streams an upload in and a download out, byte for byte', async () => {
    const { app } = await simStack();
    const created = await app.request(url('/api/image/v2/images'), {
      method: 'POST',
      headers: appHeaders({ 'content-type': 'application/json' }),
      body: JSON.stringify({ name: 'copy', disk_format: 'raw', container_format: 'bare' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as GlanceImage;
    const data = bytes(300_000);
    const put = await app.request(url(`/api/image/v2/images/${id}/file`), {
      method: 'PUT',
      headers: appHeaders({ 'content-type': 'application/octet-stream' }),
      body: streamOf(data),
      duplex: 'half',
    } as RequestInit);
    expect(put.status).toBe(204);
    const get = await app.request(url(`/api/image/v2/images/${id}/file`));
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('application/octet-stream');
    expect(new Uint8Array(await get.arrayBuffer())).toEqual(data);
  });

  it('re-authenticates once when the token expires (401) and the browser never notices', async () => {
    const { app, sim, issuedTokens } = await simStack();
    expect(issuedTokens).toHaveLength(1);
    sim.expireTokens();
    const res = await app.request(url('/api/image/v2/images?limit=1'));
    expect(res.status).toBe(200);
    expect(issuedTokens).toHaveLength(2);
  });

  it('re-authenticates and replays a JSON patch when the token was revoked (401)', async () => {
    const { app, sim, issuedTokens } = await simStack();
    await app.request(url('/api/image/v2/images?limit=1'));
    sim.expireTokens();
    const res = await app.request(url(`/api/image/v2/images/${DEMO_IDS.web3Snap}`), {
      method: 'PATCH',
      headers: appHeaders({ 'content-type': PATCH_TYPE }),
      body: JSON.stringify([{ op: 'add', path: '/reviewed_by', value: 'auditor' }]),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as GlanceImage).reviewed_by).toBe('auditor');
    expect(issuedTokens).toHaveLength(2);
  });

  it('snapshots a server (createImage) and audits the server and the new image', async () => {
    const { app, audit, sim } = await simStack();
    const res = await app.request(url(`/api/compute/servers/${DEMO_IDS.web3}/action`), {
      method: 'POST',
      headers: appHeaders({ 'content-type': 'application/json' }),
      body: JSON.stringify({ createImage: { name: 'web-3-manual' } }),
    });
    expect(res.status).toBe(202);
    const { image_id } = (await res.json()) as { image_id: string };
    expect(sim.snapshotState().images.some((i) => i.id === image_id)).toBe(true);
    expect(audit.list()[0]).toMatchObject({
      action: 'server.createImage',
      targets: [DEMO_IDS.web3, image_id],
      outcome: 'ok',
      status: 202,
    });
  });

  it('maps injected upstream 503s and connection resets to envelopes (test controls)', async () => {
    const { app } = await simStack({ testControls: true });
    const faults = (body: unknown) =>
      app.request(url('/api/_sim/faults'), {
        method: 'POST',
        headers: appHeaders({ 'content-type': 'application/json' }),
        body: JSON.stringify(body),
      });
    expect((await faults({ errorRate: 1, services: ['image'] })).status).toBe(200);
    const failing = await app.request(url('/api/image/v2/images'));
    expect(failing.status).toBe(503);
    expect(((await failing.json()) as ErrorEnvelope).service).toBe('image');
    expect((await app.request(url('/api/compute/servers/detail'))).status).toBe(200);

    await faults({ errorRate: 0, resetRate: 1, services: ['compute'] });
    const reset = await app.request(url('/api/compute/servers/detail'));
    expect(reset.status).toBe(502);
    expect(((await reset.json()) as ErrorEnvelope).code).toBe('upstream_unreachable');

    await faults({});
    expect((await app.request(url('/api/compute/servers/detail'))).status).toBe(200);
  });

  it('never lets a token or password out: not in any response, log line or audit line of a session', async () => {
    const { app, sim, issuedTokens, logs, audit } = await simStack({ testControls: true });
    const seen: string[] = [];
    const call = async (path: string, init?: RequestInit) => {
      const res = await app.request(url(path), init);
      seen.push(`${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`);
    };
    const mutate = (method: string, path: string, body?: unknown, type = 'application/json') =>
      call(path, {
        method,
        headers: appHeaders({ 'content-type': type }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    await call('/api/session');
    await call('/api/image/v2/images?limit=5');
    await call(`/api/image/v2/images/${DEMO_IDS.web1Snap}`);
    await call('/api/compute/servers/detail');
    await mutate(
      'PATCH',
      `/api/image/v2/images/${DEMO_IDS.web2Snap}`,
      [{ op: 'add', path: '/x', value: 'y' }],
      PATCH_TYPE,
    );
    await mutate('DELETE', `/api/image/v2/images/${DEMO_IDS.web1Snap}`);
    await mutate('PUT', `/api/image/v2/images/${DEMO_IDS.web2Snap}/tags/kept`);
    sim.expireTokens();
    await call('/api/image/v2/images?limit=1');
    await call('/api/image/v2/images/not-a-real-id');
    await call('/api/nope');
    await mutate('POST', `/api/compute/servers/${DEMO_IDS.web3}/action`, { createImage: { name: 'x' } });
    await mutate('POST', '/api/_sim/expire-tokens');
    await call(`/api/compute/servers/${DEMO_IDS.web3}`);
    await call('/api/audit');
    await call('/api/audit/export');

    expect(issuedTokens.length).toBeGreaterThanOrEqual(3);
    const password = simCloudConfig('admin').auth.password;
    expect(password).toBeTruthy();
    const everything = [...seen, ...logs, audit.exportJsonl()].join('\n');
    for (const token of issuedTokens) expect(everything).not.toContain(token);
    expect(everything).not.toContain(password!);
    expect(everything.toLowerCase()).not.toContain('x-subject-token');
    expect(everything.toLowerCase()).not.toContain('x-auth-token');
    expect(audit.list().length).toBeGreaterThanOrEqual(4);
  });
});
