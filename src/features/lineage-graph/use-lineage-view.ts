import { useMemo, useState } from 'react';
import { builtPackedLayout, GRAPH_LAYOUT } from '../../api/graph-layout';
import { descendantsOf, layoutTree } from '../../lineage';
import { sharedLineage } from '../../lib/shared-lineage';
import type { LineageGraph, LineageInput } from '../../lineage/types';
import { buildFlowModel, emptyFlowMemory, type FlowModel } from './flow-model';

export const LAYOUT_OPTIONS = GRAPH_LAYOUT;

/** The lineage of the fetched data, built once per data change and shared with the other views. */
export function useLineageGraph(input: LineageInput): LineageGraph {
  return useMemo(() => timed('glance-lineage:build', () => sharedLineage(input)), [input]);
}

/** Runs `fn` under a User Timing measure, so browser benchmarks and devtools can read the cost. */
function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

/**
 * Layout and flow model of a (possibly filtered) graph with some subtrees collapsed. The layout the lineage
 * worker made with a big graph is used as it is; flow objects of nodes and edges that did not change since
 * the previous graph are reused (so a graph rebuilt while pages arrive costs React Flow little).
 */
export function useFlowView(graph: LineageGraph, collapsed: ReadonlySet<string>): FlowModel {
  /** One per view, kept across renders (buildFlowModel replaces its contents). */
  const [memory] = useState(emptyFlowMemory);
  return useMemo(
    () =>
      timed('glance-lineage:layout', () => {
        // The worker's layout, as it came: nothing is collapsed, so no node hides others.
        const packed = collapsed.size === 0 ? builtPackedLayout(graph) : undefined;
        if (packed) return buildFlowModel(graph, packed, new Map(), memory);
        const layout = layoutTree(graph, { ...LAYOUT_OPTIONS, collapsed });
        const hidden = new Map<string, number>();
        for (const id of collapsed) {
          if (layout.positions.has(id)) hidden.set(id, descendantsOf(graph, id).length);
        }
        return buildFlowModel(graph, layout.positions, hidden, memory);
      }),
    [graph, collapsed, memory],
  );
}
