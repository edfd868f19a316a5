import { queryOptions } from '@tanstack/react-query';
import { NovaClient, type Transport } from '../openstack';
import type { NovaServer } from '../openstack/types';
import { canRefreshIncrementally, mergeById, newestOfPages, newestTime, type Listing } from './listing';
import { collectPages } from './load-progress';
import { proxyTransport } from './proxy-transport';

export interface ServerListParams {
  /** Admins: every project's servers (`all_tenants=1`). */
  allTenants: boolean;
  /** Admins: also the servers Nova still lists as deleted (`deleted=true`). */
  withDeleted: boolean;
}

/** Live servers and (admins) the deleted ones Nova still lists, refreshed together. */
export interface ServerListing extends Listing<NovaServer> {
  deleted: NovaServer[];
  /** The deleted servers could not be listed (not fatal: some parents show as unknown). */
  deletedError: unknown;
}

export const serverKeys = {
  all: ['servers'] as const,
  lists: () => [...serverKeys.all, 'list'] as const,
  list: (params: ServerListParams) => [...serverKeys.lists(), params] as const,
};

const fullRequested = new Set<string>();

/** The next refresh of the server listing reads every page again. */
export function requestFullServerRefresh(): void {
  fullRequested.add('servers');
}

const updated = (s: NovaServer): string | undefined => s.updated;

/**
 * Every server of the listing, 1,000 per page, following Nova's `servers_links`; admins also get the
 * deleted servers, in parallel. The first listing shows its pages as they arrive; a refresh of a complete
 * listing asks Nova once for `changes-since=<newest seen>`, which also returns the servers deleted since
 * (status DELETED): they leave the live list and join the deleted one.
 */
export async function fetchServerListing(
  transport: Transport,
  params: ServerListParams,
  prev: ServerListing | undefined,
  opts: { signal?: AbortSignal; onPartial?: (l: ServerListing) => void; now?: number } = {},
): Promise<ServerListing> {
  const now = opts.now ?? Date.now();
  const nova = new NovaClient(transport);
  const forceFull = fullRequested.delete('servers');
  const { signal } = opts;
  if (!forceFull && canRefreshIncrementally(prev, now)) {
    const changed = await nova.listServers({
      allTenants: params.allTenants,
      changesSince: prev.cursor ?? undefined,
      signal,
    });
    const gone = changed.filter((s) => s.status === 'DELETED');
    const live = changed.filter((s) => s.status !== 'DELETED');
    return {
      ...prev,
      items: mergeById(prev.items, live, new Set(gone.map((s) => s.id))),
      deleted: params.withDeleted ? mergeById(prev.deleted, gone) : prev.deleted,
      cursor: newestTime(prev.cursor, changed, updated),
      deltas: prev.deltas + 1,
    };
  }
  const showPartial = !prev || !prev.complete;
  let liveSoFar: NovaServer[] = [];
  const publish = (): void =>
    opts.onPartial?.({
      items: liveSoFar,
      deleted: [],
      deletedError: null,
      complete: false,
      cursor: null,
      fullAt: 0,
      deltas: 0,
    });
  const partial = showPartial && opts.onPartial;
  const liveNewest = newestOfPages(updated);
  const deletedNewest = newestOfPages(updated);
  const [live, deleted] = await Promise.all([
    collectPages(
      'servers',
      liveNewest.over(nova.pages({ allTenants: params.allTenants, signal })),
      partial
        ? (so) => {
            liveSoFar = so;
            publish();
          }
        : undefined,
    ),
    params.withDeleted
      ? collectPages(
          'deletedServers',
          deletedNewest.over(nova.pages({ allTenants: true, deleted: true, signal })),
        ).then(
          (d): { list: NovaServer[]; error: unknown } => ({ list: d, error: null }),
          (error: unknown) => ({ list: [], error }),
        )
      : Promise.resolve({ list: [] as NovaServer[], error: null }),
  ]);
  // The deleted servers' updates count too: a server deleted after them is then reported.
  const deletedCursor = deleted.error === null ? deletedNewest.cursor : null;
  const cursor = newestTime(liveNewest.cursor, deletedCursor === null ? [] : [deletedCursor], (t) => t);
  return {
    items: live,
    deleted: deleted.list,
    deletedError: deleted.error,
    complete: true,
    cursor,
    fullAt: now,
    deltas: 0,
  };
}

export const serverQueries = {
  list: (params: ServerListParams, transport: Transport = proxyTransport) =>
    queryOptions({
      queryKey: serverKeys.list(params),
      // Every page and refresh makes a new listing: comparing 50,000 items with the last one finds nothing to keep.
      structuralSharing: false,
      queryFn: ({ signal, client, queryKey }) =>
        fetchServerListing(transport, params, client.getQueryData<ServerListing>(queryKey), {
          signal,
          onPartial: (l) => client.setQueryData<ServerListing>(queryKey, l),
        }),
    }),
};
