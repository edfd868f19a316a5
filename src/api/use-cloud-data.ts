import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { LineageInput } from '../lineage/types';
import { imageQueries } from './images';
import { serverQueries } from './servers';
import { sessionQueries, type Session } from './session';

export type CloudResource = 'session' | 'images' | 'servers';

export interface CloudData {
  session: Session | undefined;
  /** Everything buildLineage needs, once images and servers have all arrived. */
  input: LineageInput | undefined;
  isPending: boolean;
  /** The first failed resource and its error (the UI shows one error panel with retry). */
  failure: { resource: CloudResource; error: unknown } | null;
  /** Deleted servers could not be read: parents of some snapshots may show as unknown. */
  deletedServersError: unknown;
  /** Refetches whatever failed. */
  retry: () => void;
}

/**
 * Glance images and Nova servers, fetched in parallel, 1,000 per page. Admins get every project's servers
 * (`all_tenants=1`) plus the deleted servers Nova still lists, so orphans and parents can be decided.
 * The images request starts at once; the servers requests wait only for the (local) session answer.
 */
export function useCloudData(): CloudData {
  const session = useQuery(sessionQueries.current());
  const images = useQuery(imageQueries.all());
  const isAdmin = session.data?.isAdmin ?? false;
  const servers = useQuery({
    ...serverQueries.list({ allTenants: isAdmin, deleted: false }),
    enabled: session.isSuccess,
  });
  const deleted = useQuery({
    ...serverQueries.list({ allTenants: true, deleted: true }),
    enabled: session.isSuccess && isAdmin,
  });

  const input = useMemo((): LineageInput | undefined => {
    if (!session.data || !images.data || !servers.data) return undefined;
    if (isAdmin && deleted.isPending) return undefined;
    return {
      images: images.data,
      servers: servers.data,
      deletedServers: deleted.data ?? [],
      viewer: { projectId: session.data.project?.id ?? null, isAdmin, allProjects: isAdmin },
    };
  }, [session.data, images.data, servers.data, deleted.data, deleted.isPending, isAdmin]);

  const failure: CloudData['failure'] = session.isError
    ? { resource: 'session', error: session.error }
    : images.isError
      ? { resource: 'images', error: images.error }
      : servers.isError
        ? { resource: 'servers', error: servers.error }
        : null;

  const retry = (): void => {
    for (const q of [session, images, servers, deleted]) if (q.isError) void q.refetch();
  };

  return {
    session: session.data,
    input,
    isPending: input === undefined && failure === null,
    failure,
    deletedServersError: deleted.isError ? deleted.error : null,
    retry,
  };
}
