import { describe, expect, it } from 'vitest';
import type { ApiService, Transport } from '../openstack/transport';
import { OpenStackError } from '../openstack/errors';
import { listAllImages } from './images';
import { listAllServers } from './servers';

/** A transport that answers from a table of `service path` -> JSON body (or status + body), and records calls. */
function tableTransport(table: Record<string, unknown>): Transport & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    request(service: ApiService, path: string) {
      const key = `${service} ${path}`;
      calls.push(key);
      const body = table[key];
      if (body === undefined) return Promise.resolve(new Response('nope', { status: 404 }));
      if (body instanceof Response) return Promise.resolve(body);
      return Promise.resolve(Response.json(body));
    },
  };
}

const img = (id: string) => ({ id, name: id });
const srv = (id: string) => ({ id, name: id });

describe('listAllImages', () => {
  it('asks for 1,000 per page and follows Glance next links until the last page', async () => {
    const t = tableTransport({
      'image /v2/images?limit=1000': { images: [img('a'), img('b')], next: '/v2/images?limit=1000&marker=b' },
      'image /v2/images?limit=1000&marker=b': { images: [img('c')] },
    });
    const images = await listAllImages(t);
    expect(images.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(t.calls).toHaveLength(2);
  });

  it('throws the proxy’s error envelope', async () => {
    const envelope = {
      code: 'upstream_unreachable',
      message: 'Glance is down',
      service: 'image',
      status: 502,
      requestId: 'req-1',
    };
    const t = tableTransport({ 'image /v2/images?limit=1000': Response.json(envelope, { status: 502 }) });
    const err = await listAllImages(t).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenStackError);
    expect((err as OpenStackError).envelope).toEqual(envelope);
  });
});

describe('listAllServers', () => {
  it('lists all projects and deleted servers with Nova markers taken from absolute next links', async () => {
    const t = tableTransport({
      'compute /servers/detail?limit=1000&all_tenants=1&deleted=true': {
        servers: [srv('s1')],
        servers_links: [{ rel: 'next', href: 'http://nova:8774/v2.1/servers/detail?limit=1000&marker=s1' }],
      },
      'compute /servers/detail?limit=1000&all_tenants=1&deleted=true&marker=s1': { servers: [srv('s2')] },
    });
    const servers = await listAllServers(t, { allTenants: true, deleted: true });
    expect(servers.map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('asks only for the caller’s project when not all tenants', async () => {
    const t = tableTransport({ 'compute /servers/detail?limit=1000': { servers: [] } });
    expect(await listAllServers(t, { allTenants: false, deleted: false })).toEqual([]);
    expect(t.calls).toEqual(['compute /servers/detail?limit=1000']);
  });
});
