import { useQuery, type QueryClient } from '@tanstack/react-query';
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import type { LineageGraph, LineageInput } from '../lineage/types';
import { imageQueries, requestFullImageRefresh, type ImageListing } from './images';
import { loadListing, saveListing } from './listing-cache';
import { latestLineage, lineageLater, lineageNow } from './lineage-builder';
import {
  requestFullServerRefresh,
  serverQueries,
  type ServerListing,
  type ServerListParams,
} from './servers';
import { sessionQueries, type Session } from './session';

export type CloudResource = 'session' | 'images' | 'servers';

export interface CloudData {
  session: Session | undefined;
  /**
   * Everything buildLineage needs, from the first pages on: while `loading`, the lists grow (at most every
   * ~400 ms) and `graph` follows them.
   */
  input: LineageInput | undefined;
  /** The lineage of `input` (built off the page's main thread for big clouds). */
  graph: LineageGraph | undefined;
  /** Nothing to show yet. */
  isPending: boolean;
  /** Pages are still arriving: what is shown is part of the cloud. */
  loading: boolean;
  /**
   * `graph` is of part of the cloud: pages are still arriving, or they have all come and the whole cloud's
   * graph is still being built (the worker takes a moment; the last partial graph stays until then).
   */
  partial: boolean;
  /** A refresh of data already shown is running (an incremental one after an action, or a full one). */
  refreshing: boolean;
  /** When the shown data was saved, while it comes from the cache of an earlier visit and is not revalidated. */
  cachedAt: number | null;
  /** The first failed resource and its error (the UI shows one error panel with retry). */
  failure: { resource: CloudResource; error: unknown } | null;
  /** Deleted servers could not be read: parents of some snapshots may show as unknown. */
  deletedServersError: unknown;
  /** Refetches whatever failed. */
  retry: () => void;
  /** Lists every image and server again (reconciles deletions made outside the app). */
  reloadAll: () => void;
}

/**
 * Glance images and Nova servers, fetched in parallel, 1,000 per page, shown from the first pages on.
 * Admins get every project's servers (`all_tenants=1`) plus the deleted servers Nova still lists.
 * A refresh (after an action: invalidate `imageKeys.all` / `serverKeys.all`) fetches only what changed.
 */
export function useCloudData(): CloudData {
  const session = useQuery(sessionQueries.current());
  const isAdmin = session.data?.isAdmin ?? false;
  const serverParams = { allTenants: isAdmin, withDeleted: isAdmin };
  const s = session.data;
  const identity = s ? `${s.cloud}|${s.project?.id ?? '-'}|${s.user.id}` : null;
  const cached = useQuery({
    queryKey: ['listing-cache', identity, isAdmin],
    queryFn: ({ client }) => restoreListings(client, identity ?? '', serverParams),
    enabled: identity !== null,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
  const restored = cached.isSuccess || cached.isError;
  const images = useQuery({ ...imageQueries.all(), enabled: restored });
  const servers = useQuery({ ...serverQueries.list(serverParams), enabled: restored });
  useSaveListing(identity && `${identity}|images`, images.data, ['items']);
  useSaveListing(identity && `${identity}|servers|${isAdmin}`, servers.data, ['items', 'deleted']);
  // Not fresh while either listing still holds what was saved (each was saved when it was complete, at
  // its own time): the older saved time of those not yet revalidated.
  const saved = cached.data?.savedAt ?? null;
  const stale = saved
    ? [
        ...(images.dataUpdatedAt <= saved.images ? [saved.images] : []),
        ...(servers.dataUpdatedAt <= saved.servers ? [saved.servers] : []),
      ]
    : [];
  const cachedAt = stale.length > 0 ? Math.min(...stale) : null;

  const projectId = session.data?.project?.id ?? null;
  const hasSession = session.data !== undefined;
  const input = useMemo((): LineageInput | undefined => {
    if (!hasSession || !images.data || !servers.data) return undefined;
    return {
      images: images.data.items,
      servers: servers.data.items,
      deletedServers: servers.data.deleted,
      viewer: { projectId, isAdmin, allProjects: isAdmin },
    };
  }, [hasSession, images.data, servers.data, projectId, isAdmin]);

  const complete = (images.data?.complete ?? false) && (servers.data?.complete ?? false);
  const graph = useLineageOf(input, complete);

  const failure: CloudData['failure'] = session.isError
    ? { resource: 'session', error: session.error }
    : images.isError
      ? { resource: 'images', error: images.error }
      : servers.isError
        ? { resource: 'servers', error: servers.error }
        : null;

  const deletedServersError = servers.data?.deletedError ?? null;
  const retry = (): void => {
    if (deletedServersError !== null) requestFullServerRefresh();
    for (const q of [session, images, servers]) if (q.isError) void q.refetch();
    if (deletedServersError !== null && !servers.isError) void servers.refetch();
  };
  const reloadAll = (): void => {
    requestFullImageRefresh();
    requestFullServerRefresh();
    void images.refetch();
    void servers.refetch();
  };

  const loading = !complete;
  return {
    session: session.data,
    input: graph ? graph.input : undefined,
    graph: graph?.graph,
    isPending: graph === undefined && failure === null,
    loading,
    partial: loading || (graph !== undefined && !graph.whole),
    refreshing: !loading && (images.isFetching || servers.isFetching),
    cachedAt,
    failure,
    deletedServersError,
    retry,
    reloadAll,
  };
}

/** Puts the listings saved by an earlier visit into the query cache, marked stale so they are revalidated. */
async function restoreListings(
  client: QueryClient,
  identity: string,
  serverParams: ServerListParams,
): Promise<{ savedAt: { images: number; servers: number } | null }> {
  const [imgs, srvs] = await Promise.all([
    loadListing<ImageListing>(`${identity}|images`),
    loadListing<ServerListing>(`${identity}|servers|${serverParams.allTenants}`),
  ]);
  if (!imgs || !srvs) return { savedAt: null };
  const imageKey = imageQueries.all().queryKey;
  const serverKey = serverQueries.list(serverParams).queryKey;
  client.setQueryData(imageKey, imgs.listing, { updatedAt: imgs.savedAt });
  client.setQueryData(serverKey, { ...srvs.listing, deletedError: null }, { updatedAt: srvs.savedAt });
  await client.invalidateQueries({ queryKey: imageKey, refetchType: 'none' });
  await client.invalidateQueries({ queryKey: serverKey, refetchType: 'none' });
  return { savedAt: { images: imgs.savedAt, servers: srvs.savedAt } };
}

const saved = new WeakSet<object>();

/** Saves a complete listing once (every panel's useCloudData sees the same object). */
function useSaveListing(
  key: string | null,
  listing: ImageListing | ServerListing | undefined,
  arrays: string[],
): void {
  useEffect(() => {
    if (!key || !listing?.complete || saved.has(listing)) return;
    saved.add(listing);
    saveListing(key, listing as unknown as Record<string, unknown>, arrays).catch(() => undefined);
  }, [key, listing, arrays]);
}

interface Built {
  input: LineageInput;
  graph: LineageGraph;
  /** Built from complete listings (not from the pages so far, nor a stand-in while the next build runs). */
  whole: boolean;
}

/**
 * The lineage of `input`, with the input it was built from: small inputs at once, big ones when the worker
 * answers (the previous graph stays until then, so the page never waits on a build). While pages arrive the
 * input changes faster than a big cloud is built: each finished build is shown even when a newer input is
 * already waiting, so the graph grows during the load instead of appearing all at once at its end.
 */
function useLineageOf(input: LineageInput | undefined, complete: boolean): Built | undefined {
  const ready = useMemo((): Built | undefined => {
    const graph = input ? lineageNow(input) : undefined;
    return input && graph ? { input, graph, whole: complete } : undefined;
  }, [input, complete]);
  const [later, setLater] = useState<Built | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  /** Requests made, and the newest one shown: an older build finishing late never replaces a newer one. */
  const order = useRef({ asked: 0, shown: 0 });
  useEffect(() => {
    if (!input || ready) return;
    const n = ++order.current.asked;
    let live = true;
    lineageLater(input, complete).then(
      (graph) => {
        if (!graph || n < order.current.shown) return;
        order.current.shown = n;
        // A transition: React takes the big graph in over several tasks, after input events, not in one.
        startTransition(() => setLater({ input, graph, whole: complete }));
      },
      (e: unknown) => {
        if (live) setError(e instanceof Error ? e : new Error(String(e)));
      },
    );
    return () => {
      live = false;
    };
  }, [input, ready, complete]);
  if (error !== null) throw error;
  if (ready) return ready;
  // The newest graph built so far stays on screen until the worker has the next one.
  if (later && input && sameViewer(later.input.viewer, input.viewer)) return later;
  const stand = input ? latestLineage(input.viewer) : undefined;
  return stand && { ...stand, whole: false };
}

function sameViewer(a: LineageInput['viewer'], b: LineageInput['viewer']): boolean {
  return a.projectId === b.projectId && a.isAdmin === b.isAdmin && a.allProjects === b.allProjects;
}
