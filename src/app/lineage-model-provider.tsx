import { useDeferredValue, useMemo, type ReactNode } from 'react';
import { useCloudData } from '../api/use-cloud-data';
import { filterGraph } from '../features/lineage-graph/graph-filter';
import { useGraphUrlState } from '../features/lineage-graph/use-graph-url-state';
import { LineageModelContext, type LineageModel } from './lineage-model-context';

/** Builds the lineage once for the app's data views (table, inspector, export, insights). */
export function LineageModelProvider({ children }: { children: ReactNode }) {
  const cloud = useCloudData();
  const url = useGraphUrlState();
  // Built once per data change in useCloudData (off the main thread for big clouds).
  const graph = cloud.graph;
  const shown = useMemo(() => (graph ? filterGraph(graph, url.filter) : undefined), [graph, url.filter]);
  const model = useMemo((): LineageModel => ({ cloud, graph, shown, url }), [cloud, graph, shown, url]);
  // The views take a new model in by a transition render, which React splits between input events: a new
  // page of images re-renders every data view, too much for one task while the next pages arrive.
  const deferred = useDeferredValue(model);
  return <LineageModelContext.Provider value={deferred}>{children}</LineageModelContext.Provider>;
}
