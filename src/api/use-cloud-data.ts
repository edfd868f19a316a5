import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { LineageGraph, LineageInput } from '../lineage/types';
import { imageQueries, requestFullImageRefresh } from './images';
import { latestLineage, lineageLater, lineageNow } from './lineage-builder';
import { requestFullServerRefresh, serverQueries } from './servers';
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
  /** A refresh of data already shown is running (an incremental one after an action, or a full one). */
  refreshing: boolean;
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
  const images = useQuery(imageQueries.all());
  const isAdmin = session.data?.isAdmin ?? false;
  const servers = useQuery({
    ...serverQueries.list({ allTenants: isAdmin, withDeleted: isAdmin }),
    enabled: session.isSuccess,
  });

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

  const graph = useLineageOf(input);

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

  const loading = !(images.data?.complete ?? false) || !(servers.data?.complete ?? false);
  return {
    session: session.data,
    input: graph ? graph.input : undefined,
    graph: graph?.graph,
    isPending: graph === undefined && failure === null,
    loading,
    refreshing: !loading && (images.isFetching || servers.isFetching),
    failure,
    deletedServersError,
    retry,
    reloadAll,
  };
}

interface Built {
  input: LineageInput;
  graph: LineageGraph;
}

/**
 * The lineage of `input`, with the input it was built from: small inputs at once, big ones when the worker
 * answers (the previous graph stays until then, so the page never waits on a build).
 */
function useLineageOf(input: LineageInput | undefined): Built | undefined {
  const ready = useMemo(() => {
    const graph = input ? lineageNow(input) : undefined;
    return input && graph ? { input, graph } : undefined;
  }, [input]);
  const [later, setLater] = useState<Built | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    if (!input || ready) return;
    let live = true;
    lineageLater(input).then(
      (graph) => {
        if (live && graph) setLater({ input, graph });
      },
      (e: unknown) => {
        if (live) setError(e instanceof Error ? e : new Error(String(e)));
      },
    );
    return () => {
      live = false;
    };
  }, [input, ready]);
  if (error !== null) throw error;
  if (ready) return ready;
  // The newest graph built so far stays on screen until the worker has the next one.
  return later ?? (input ? latestLineage(input.viewer) : undefined);
}
