import { queryOptions } from '@tanstack/react-query';
import type { NovaServer, NovaServerList } from '../openstack/types';
import type { Transport } from '../openstack/transport';
import { readJson } from './http';
import { PAGE_SIZE } from './images';
import { proxyTransport } from './proxy-transport';

export interface ServerListParams {
  /** Admins: every project's servers (`all_tenants=1`). */
  allTenants: boolean;
  /** Admins: servers Nova still lists as deleted (`deleted=true`, needs all_tenants). */
  deleted: boolean;
}

function serverPath(params: ServerListParams, marker: string | null): string {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (params.allTenants) q.set('all_tenants', '1');
  if (params.deleted) q.set('deleted', 'true');
  if (marker) q.set('marker', marker);
  return `/servers/detail?${q.toString()}`;
}

/** The marker of Nova's absolute `next` link (its host is the compute endpoint, not our proxy). */
function nextMarker(page: NovaServerList): string | null {
  const next = page.servers_links?.find((l) => l.rel === 'next');
  if (!next) return null;
  return new URL(next.href, 'http://nova.invalid').searchParams.get('marker');
}

/** Every server of the listing, 1,000 per page, following Nova's `servers_links` next markers. */
export async function listAllServers(
  transport: Transport,
  params: ServerListParams,
  opts: { signal?: AbortSignal } = {},
): Promise<NovaServer[]> {
  const servers: NovaServer[] = [];
  let marker: string | null = null;
  const seen = new Set<string>();
  do {
    const res = await transport.request('compute', serverPath(params, marker), { signal: opts.signal });
    const page = await readJson<NovaServerList>(res, 'compute');
    servers.push(...page.servers);
    marker = page.servers.length > 0 ? nextMarker(page) : null;
    if (marker && seen.has(marker)) break;
    if (marker) seen.add(marker);
  } while (marker);
  return servers;
}

export const serverKeys = {
  all: ['servers'] as const,
  lists: () => [...serverKeys.all, 'list'] as const,
  list: (params: ServerListParams) => [...serverKeys.lists(), params] as const,
};

export const serverQueries = {
  list: (params: ServerListParams, transport: Transport = proxyTransport) =>
    queryOptions({
      queryKey: serverKeys.list(params),
      queryFn: ({ signal }) => listAllServers(transport, params, { signal }),
    }),
};
