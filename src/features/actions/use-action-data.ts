import { useCloudData } from '../../api/use-cloud-data';
import type { Session } from '../../api/session';
import type { LineageGraph, Viewer } from '../../lineage';

export interface ActionData {
  session: Session | undefined;
  graph: LineageGraph | undefined;
  viewer: Viewer | undefined;
  /** Why changes are not possible (read-only mode), or null. */
  readOnlyReason: string | null;
  isPending: boolean;
  failure: unknown;
}

export const READ_ONLY_REASON = 'Read-only mode: the proxy refuses every change, so actions are disabled.';

/** The same cloud data as the graph (shared query cache), built into a lineage for the actions. */
export function useActionData(): ActionData {
  const data = useCloudData();
  const graph = data.graph;
  return {
    session: data.session,
    graph,
    viewer: data.input?.viewer,
    readOnlyReason: data.session?.readOnly ? READ_ONLY_REASON : null,
    isPending: data.isPending,
    failure: data.failure?.error ?? null,
  };
}
