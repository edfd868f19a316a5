/**
 * The lineage as the cloud is now, for the bulk-delete job's re-check: images and servers (plus, for
 * admins looking at all projects, the deleted servers Nova still lists) read again and built into a graph.
 * One read is shared by every worker; it is reused while younger than `maxAgeMs`, then read again.
 */
import { buildLineage } from '../../lineage';
import type { LineageGraph, Viewer } from '../../lineage';
import { isOpenStackError } from '../../openstack/errors';
import type { GlanceClient } from '../../openstack/glance';
import type { NovaClient } from '../../openstack/nova';
import type { NovaServer } from '../../openstack/types';

export interface FreshLineage {
  graph: LineageGraph;
  /** performance.now() when the reads started. */
  readAt: number;
}

export interface FreshLineageSource {
  /** The graph, read again if the last one is older than `maxAgeMs`. */
  get(maxAgeMs: number): Promise<FreshLineage>;
}

function retryable(e: unknown): boolean {
  if (isOpenStackError(e)) return e.status === 0 || e.status >= 500 || e.code === 'upstream_timeout';
  return !(e instanceof Error && e.name === 'AbortError');
}

/** `op` with up to `retries` extra attempts after a network failure or a 5xx. */
export async function withListRetries<T>(op: () => Promise<T>, retries = 3, delayMs = 100): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (attempt >= retries || !retryable(e)) throw e;
      await new Promise((r) => setTimeout(r, delayMs * 2 ** attempt));
    }
  }
}

export function freshLineageSource(
  glance: GlanceClient,
  nova: NovaClient,
  viewer: Viewer,
): FreshLineageSource {
  let last: FreshLineage | null = null;
  let loading: Promise<FreshLineage> | null = null;

  const load = async (): Promise<FreshLineage> => {
    const readAt = performance.now();
    const all = viewer.isAdmin && viewer.allProjects;
    const [images, servers, deleted] = await Promise.all([
      withListRetries(() => glance.listImages()),
      withListRetries(() => nova.listServers({ allTenants: all })),
      all
        ? withListRetries(() => nova.listServers({ allTenants: true, deleted: true }))
        : Promise.resolve<NovaServer[]>([]),
    ]);
    const live = new Set(servers.map((s) => s.id));
    const graph = buildLineage({
      images,
      servers,
      deletedServers: deleted.filter((s) => !live.has(s.id)),
      viewer,
    });
    return { graph, readAt };
  };

  return {
    async get(maxAgeMs) {
      if (last && performance.now() - last.readAt <= maxAgeMs) return last;
      if (!loading)
        loading = load().then(
          (fresh) => {
            last = fresh;
            loading = null;
            return fresh;
          },
          (e: unknown) => {
            loading = null;
            throw e;
          },
        );
      return loading;
    },
  };
}
