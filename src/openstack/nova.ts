/**
 * Typed Nova compute API v2.1 client over a `Transport`. Paths are relative to Nova's endpoint, which
 * already ends in /v2.1. The microversion header is the transport's job (session or proxy). Browser-safe.
 */
import { OpenStackError } from './errors';
import { ensureOk, expectNoContent, queryOf, readJson, readPageJson } from './response';
import type { Transport } from './transport';
import type { NovaCreatedServer, NovaFlavor, NovaServer, NovaServerList } from './types';

export interface NovaListOptions {
  /** `all_tenants=1` (admin: every project's servers). */
  allTenants?: boolean;
  /** `deleted=true` (admin: deleted servers Nova has not archived yet; ignored by Nova for members). */
  deleted?: boolean;
  /** `changes-since=<ISO time>`. */
  changesSince?: string;
  /** Any other query parameter (`limit` overrides the default 1000). */
  query?: Record<string, string>;
  signal?: AbortSignal;
}

export interface NovaCreateServerBody {
  name: string;
  imageRef: string;
  flavorRef: string;
  /** Required by Nova from microversion 2.37; defaults to 'none' here (no port, works without Neutron). */
  networks?: 'none' | 'auto' | unknown[];
  metadata?: Record<string, string>;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export class NovaClient {
  readonly #t: Transport;

  constructor(t: Transport) {
    this.#t = t;
  }

  /**
   * Every page of `GET /servers/detail` (limit=1000). Nova's `servers_links` next href is absolute (Nova's
   * own host); only its query string (marker, limit, filters) is taken, so it works through the proxy too.
   */
  async *pages(opts: NovaListOptions = {}): AsyncGenerator<NovaServer[]> {
    const params = new URLSearchParams({ limit: '1000' });
    if (opts.allTenants) params.set('all_tenants', '1');
    if (opts.deleted) params.set('deleted', 'true');
    if (opts.changesSince) params.set('changes-since', opts.changesSince);
    for (const [k, v] of Object.entries(opts.query ?? {})) params.set(k, v);
    let path = `/servers/detail?${params.toString()}`;
    const seen = new Set<string>();
    for (;;) {
      seen.add(path);
      const res = await this.#t.request('compute', path, { signal: opts.signal });
      const body = await readPageJson<NovaServerList>('compute', res, 'servers');
      yield body.servers;
      const next = body.servers_links?.find((l) => l.rel === 'next')?.href;
      if (!next || body.servers.length === 0) return;
      const nextPath = `/servers/detail${queryOf(next)}`;
      if (seen.has(nextPath)) return;
      path = nextPath;
    }
  }

  async listServers(opts: NovaListOptions = {}): Promise<NovaServer[]> {
    const all: NovaServer[] = [];
    for await (const page of this.pages(opts)) all.push(...page);
    return all;
  }

  async getServer(id: string, opts: { signal?: AbortSignal } = {}): Promise<NovaServer> {
    const res = await this.#t.request('compute', serverPath(id), { signal: opts.signal });
    return (await readJson<{ server: NovaServer }>('compute', res)).server;
  }

  async createServer(body: NovaCreateServerBody): Promise<NovaCreatedServer> {
    const server = { ...body, networks: body.networks ?? 'none' };
    if (server.metadata === undefined) delete server.metadata;
    const res = await this.#t.request('compute', '/servers', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ server }),
    });
    return (await readJson<{ server: NovaCreatedServer }>('compute', res)).server;
  }

  async deleteServer(id: string): Promise<void> {
    await expectNoContent('compute', await this.#t.request('compute', serverPath(id), { method: 'DELETE' }));
  }

  /** `createImage` action: returns the new image id (`{image_id}` body from 2.45; Location header before). */
  async createImage(serverId: string, name: string, metadata?: Record<string, string>): Promise<string> {
    const res = await this.#action(serverId, { createImage: metadata ? { name, metadata } : { name } });
    const text = await res.text();
    if (text.trim()) {
      const body = JSON.parse(text) as { image_id?: unknown };
      if (typeof body.image_id === 'string') return body.image_id;
    }
    const fromLocation = res.headers.get('Location')?.split('/').filter(Boolean).pop();
    if (fromLocation) return fromLocation;
    throw new OpenStackError({
      code: 'upstream_error',
      message: `Nova accepted createImage for server ${serverId} but did not say the new image id`,
      service: 'compute',
      status: 502,
      requestId: null,
    });
  }

  async shelve(id: string): Promise<void> {
    await this.#voidAction(id, { shelve: null });
  }

  /** Admin-only by default policy (403 for members). */
  async shelveOffload(id: string): Promise<void> {
    await this.#voidAction(id, { shelveOffload: null });
  }

  async unshelve(id: string): Promise<void> {
    await this.#voidAction(id, { unshelve: null });
  }

  async listFlavors(): Promise<NovaFlavor[]> {
    const res = await this.#t.request('compute', '/flavors/detail');
    return (await readJson<{ flavors: NovaFlavor[] }>('compute', res)).flavors;
  }

  async #action(id: string, body: Record<string, unknown>): Promise<Response> {
    const res = await this.#t.request('compute', `${serverPath(id)}/action`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    });
    return ensureOk('compute', res);
  }

  async #voidAction(id: string, body: Record<string, unknown>): Promise<void> {
    await expectNoContent('compute', await this.#action(id, body));
  }
}

function serverPath(id: string): string {
  return `/servers/${encodeURIComponent(id)}`;
}
