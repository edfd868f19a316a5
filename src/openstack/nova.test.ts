import { describe, expect, it } from 'vitest';
import { OpenStackError } from './errors';
import { FakeTransport } from './fixtures/fake-transport';
import { recorded, recordedResponse } from './fixtures/recorded';
import { NovaClient } from './nova';
import type { NovaServerList } from './types';

const DEMO = recorded('nova-servers-detail-demo').body as NovaServerList;
const SERVERS = DEMO.servers;

async function rejection(p: Promise<unknown>): Promise<OpenStackError> {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(OpenStackError);
  return e as OpenStackError;
}

function accepted(body?: unknown, headers?: Record<string, string>): Response {
  return body === undefined
    ? new Response(null, { status: 202, headers })
    : Response.json(body, { status: 202, headers });
}

describe('NovaClient.pages / listServers', () => {
  it('lists /servers/detail with limit=1000 (real demo list)', async () => {
    const t = new FakeTransport(() => Response.json(DEMO));
    const servers = await new NovaClient(t).listServers();
    expect(servers.map((s) => s.name)).toEqual(['batch-2', 'batch-1', 'db-1', 'web-3', 'web-2', 'web-1']);
    expect(t.sent.map((r) => [r.service, r.path])).toEqual([['compute', '/servers/detail?limit=1000']]);
  });

  it('parses each page in a later task than the one its text arrived in', async () => {
    const order: string[] = [];
    const t = new FakeTransport(() => Response.json(DEMO));
    setTimeout(() => order.push('a task queued before'), 0);
    for await (const page of new NovaClient(t).pages()) order.push(`page ${page.length}`);
    expect(order).toEqual(['a task queued before', `page ${SERVERS.length}`]);
  });

  it('sets all_tenants, deleted, changes-since and extra query parameters', async () => {
    const t = new FakeTransport(() => Response.json({ servers: [] }));
    await new NovaClient(t).listServers({
      allTenants: true,
      deleted: true,
      changesSince: '2026-11-29T00:00:00Z',
      query: { limit: '50', name: 'web' },
    });
    const q = new URLSearchParams(t.last().path.split('?')[1]);
    expect(Object.fromEntries(q)).toEqual({
      limit: '50',
      all_tenants: '1',
      deleted: 'true',
      'changes-since': '2026-11-29T00:00:00Z',
      name: 'web',
    });
    expect(t.last().path.startsWith('/servers/detail?')).toBe(true);
  });

  it('follows the absolute servers_links next href by its query only', async () => {
    const next =
      'http://127.0.0.1:8774/v2.1/servers/detail?limit=2&marker=3454548b-294a-45e3-902b-3d1bc1966703';
    const t = new FakeTransport((req) =>
      req.path.includes('marker=')
        ? Response.json({ servers: SERVERS.slice(2, 3) })
        : Response.json({ servers: SERVERS.slice(0, 2), servers_links: [{ rel: 'next', href: next }] }),
    );
    const pages: string[][] = [];
    for await (const p of new NovaClient(t).pages({ query: { limit: '2' } }))
      pages.push(p.map((s) => s.name));
    expect(pages).toEqual([['batch-2', 'batch-1'], ['db-1']]);
    expect(t.sent.map((r) => r.path)).toEqual([
      '/servers/detail?limit=2',
      '/servers/detail?limit=2&marker=3454548b-294a-45e3-902b-3d1bc1966703',
    ]);
  });

  it('stops on a repeated next link and on an empty page', async () => {
    const same = new FakeTransport(() =>
      Response.json({
        servers: SERVERS.slice(0, 1),
        servers_links: [{ rel: 'next', href: 'http://n/v2.1/servers/detail?limit=1000' }],
      }),
    );
    expect(await new NovaClient(same).listServers()).toHaveLength(1);
    expect(same.sent).toHaveLength(1);
    const empty = new FakeTransport(() =>
      Response.json({
        servers: [],
        servers_links: [{ rel: 'next', href: 'http://n/v2.1/servers/detail?marker=x' }],
      }),
    );
    expect(await new NovaClient(empty).listServers()).toEqual([]);
    expect(empty.sent).toHaveLength(1);
  });

  it('passes the signal and throws the mapped 406 microversion fault', async () => {
    const ac = new AbortController();
    const t = new FakeTransport(() => recordedResponse('nova-error-406-microversion'));
    const e = await rejection(new NovaClient(t).listServers({ signal: ac.signal }));
    expect(e.envelope).toMatchObject({ code: 'not_acceptable', service: 'compute', status: 406 });
    expect(t.last().init.signal).toBe(ac.signal);
  });
});

describe('NovaClient servers', () => {
  it('gets one server', async () => {
    const t = new FakeTransport(() => Response.json({ server: SERVERS[3] }));
    const s = await new NovaClient(t).getServer('e6b31340-0582-4cd4-9e3b-b0cb3c295583');
    expect(s.image).toMatchObject({ id: '8e0d0409-789d-4cec-a77a-780ecad02639' });
    expect(t.last().path).toBe('/servers/e6b31340-0582-4cd4-9e3b-b0cb3c295583');
  });

  it('maps the real itemNotFound of a deleted server', async () => {
    const t = new FakeTransport(() => recordedResponse('nova-error-404'));
    const e = await rejection(new NovaClient(t).getServer('00000000-0000-0000-0000-000000000000'));
    expect(e.envelope).toMatchObject({
      code: 'not_found',
      message: 'Instance 00000000-0000-0000-0000-000000000000 could not be found.',
    });
  });

  it('creates a server wrapped in {server}, with networks none unless given', async () => {
    const t = new FakeTransport(() => accepted({ server: { id: 'new-1', links: [], adminPass: 'x' } }));
    const nova = new NovaClient(t);
    const created = await nova.createServer({ name: 'gl-test-1', imageRef: 'img', flavorRef: '1' });
    expect(created.id).toBe('new-1');
    expect([t.last().method, t.last().path, t.last().headers.get('Content-Type')]).toEqual([
      'POST',
      '/servers',
      'application/json',
    ]);
    expect(JSON.parse(t.last().init.body as string)).toEqual({
      server: { name: 'gl-test-1', imageRef: 'img', flavorRef: '1', networks: 'none' },
    });
    await nova.createServer({
      name: 'n',
      imageRef: 'i',
      flavorRef: 'f',
      networks: 'auto',
      metadata: { k: 'v' },
    });
    expect(JSON.parse(t.last().init.body as string)).toEqual({
      server: { name: 'n', imageRef: 'i', flavorRef: 'f', networks: 'auto', metadata: { k: 'v' } },
    });
  });

  it('deletes a server', async () => {
    const t = new FakeTransport(() => new Response(null, { status: 204 }));
    await new NovaClient(t).deleteServer('s1');
    expect(`${t.last().method} ${t.last().path}`).toBe('DELETE /servers/s1');
  });
});

describe('NovaClient actions', () => {
  it('createImage returns the image_id of the 2.45+ body and sends name and metadata', async () => {
    const t = new FakeTransport(() => accepted({ image_id: 'img-9' }));
    const id = await new NovaClient(t).createImage('s1', 'web-1-snap', { purpose: 'probe' });
    expect(id).toBe('img-9');
    expect(`${t.last().method} ${t.last().path}`).toBe('POST /servers/s1/action');
    expect(JSON.parse(t.last().init.body as string)).toEqual({
      createImage: { name: 'web-1-snap', metadata: { purpose: 'probe' } },
    });
  });

  it('createImage falls back to the Location header of older microversions', async () => {
    const t = new FakeTransport(() =>
      accepted(undefined, { Location: 'http://127.0.0.1:9292/images/img-old' }),
    );
    expect(await new NovaClient(t).createImage('s1', 'n')).toBe('img-old');
    expect(JSON.parse(t.last().init.body as string)).toEqual({ createImage: { name: 'n' } });
  });

  it('createImage reports the 409 of a busy server', async () => {
    const t = new FakeTransport(() =>
      Response.json(
        {
          conflictingRequest: {
            code: 409,
            message: "Cannot 'createImage' instance s1 while it is in task_state image_snapshot_pending",
          },
        },
        { status: 409 },
      ),
    );
    const e = await rejection(new NovaClient(t).createImage('s1', 'n'));
    expect(e.envelope).toMatchObject({ code: 'conflict', status: 409 });
    expect(e.message).toContain('image_snapshot_pending');
  });

  it('shelves, offloads and unshelves with the action bodies Nova expects', async () => {
    const t = new FakeTransport(() => accepted());
    const nova = new NovaClient(t);
    await nova.shelve('s1');
    await nova.shelveOffload('s1');
    await nova.unshelve('s1');
    expect(t.sent.map((r) => JSON.parse(r.init.body as string) as unknown)).toEqual([
      { shelve: null },
      { shelveOffload: null },
      { unshelve: null },
    ]);
    expect(new Set(t.sent.map((r) => r.path))).toEqual(new Set(['/servers/s1/action']));
  });

  it('reports the 403 of a member offloading', async () => {
    const t = new FakeTransport(() =>
      Response.json(
        {
          forbidden: {
            code: 403,
            message: "Policy doesn't allow os_compute_api:os-shelve:shelve_offload to be performed.",
          },
        },
        { status: 403 },
      ),
    );
    const e = await rejection(new NovaClient(t).shelveOffload('s1'));
    expect(e.envelope).toMatchObject({ code: 'forbidden', service: 'compute' });
  });

  it('lists flavors', async () => {
    const t = new FakeTransport(() =>
      Response.json({ flavors: [{ id: '1', name: 'm1.tiny', vcpus: 1, ram: 512, disk: 1 }] }),
    );
    expect((await new NovaClient(t).listFlavors()).map((f) => f.name)).toEqual(['m1.tiny']);
    expect(t.last().path).toBe('/flavors/detail');
  });
});
