import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { OpenStackError, type ApiService, type Transport } from '../openstack';
import { imageKeys, imageQueries } from './images';
import { getLoadProgress } from './load-progress';
import { serverKeys, serverQueries } from './servers';

/** A transport that answers from a table of `service path` -> JSON body (or a Response), and records calls. */
function tableTransport(table: Record<string, unknown>): Transport & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    request(service: ApiService, path: string) {
      const key = `${service} ${path}`;
      calls.push(key);
      const body = table[key];
      if (body === undefined)
        return Promise.resolve(Response.json({ message: `unexpected ${key}` }, { status: 404 }));
      if (body instanceof Response) return Promise.resolve(body);
      return Promise.resolve(Response.json(body));
    },
  };
}

const img = (id: string) => ({ id, name: id });
const srv = (id: string) => ({ id, name: id });
const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

describe('imageQueries.all', () => {
  it('is keyed under images and reads every page, 1,000 at a time', async () => {
    const t = tableTransport({
      'image /v2/images?limit=1000': { images: [img('a'), img('b')], next: '/v2/images?limit=1000&marker=b' },
      'image /v2/images?limit=1000&marker=b': { images: [img('c')] },
    });
    const q = imageQueries.all(t);
    expect(q.queryKey.slice(0, 2)).toEqual(imageKeys.lists());
    const images = await client().fetchQuery(q);
    expect(images.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(images.complete).toBe(true);
    expect(getLoadProgress().images).toBe(3);
  });

  it('fails with the proxy’s error envelope', async () => {
    const envelope = {
      code: 'upstream_unreachable',
      message: 'Glance is down',
      service: 'image',
      status: 502,
      requestId: 'req-1',
    };
    const t = tableTransport({ 'image /v2/images?limit=1000': Response.json(envelope, { status: 502 }) });
    const err = await client()
      .fetchQuery(imageQueries.all(t))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenStackError);
    expect((err as OpenStackError).envelope).toEqual(envelope);
  });
});

describe('serverQueries.list', () => {
  it('asks for all projects and deleted servers, following absolute next links through the proxy', async () => {
    const t = tableTransport({
      'compute /servers/detail?limit=1000&all_tenants=1': { servers: [srv('live')] },
      'compute /servers/detail?limit=1000&all_tenants=1&deleted=true': {
        servers: [srv('s1')],
        servers_links: [
          {
            rel: 'next',
            href: 'http://nova:8774/v2.1/servers/detail?limit=1000&all_tenants=1&deleted=true&marker=s1',
          },
        ],
      },
      'compute /servers/detail?limit=1000&all_tenants=1&deleted=true&marker=s1': { servers: [srv('s2')] },
    });
    const q = serverQueries.list({ allTenants: true, withDeleted: true }, t);
    expect(q.queryKey).toEqual(serverKeys.list({ allTenants: true, withDeleted: true }));
    const servers = await client().fetchQuery(q);
    expect(servers.items.map((s) => s.id)).toEqual(['live']);
    expect(servers.deleted.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(getLoadProgress().deletedServers).toBe(2);
  });

  it('asks only for the caller’s project when not all tenants', async () => {
    const t = tableTransport({ 'compute /servers/detail?limit=1000': { servers: [] } });
    expect(
      (await client().fetchQuery(serverQueries.list({ allTenants: false, withDeleted: false }, t))).items,
    ).toEqual([]);
    expect(t.calls).toEqual(['compute /servers/detail?limit=1000']);
  });
});
