import { useMemo } from 'react';
import { descendantsOf, layoutTree } from '../../lineage';
import { sharedLineage } from '../../lib/shared-lineage';
import type { LineageGraph, LineageInput } from '../../lineage/types';
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  toFlowElements,
  type LineageFlowEdge,
  type LineageFlowNode,
} from './to-flow-elements';

export interface FlowView {
  nodes: LineageFlowNode[];
  edges: LineageFlowEdge[];
}

export const LAYOUT_OPTIONS = { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, rankGap: 72, siblingGap: 14 };

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

/** Layout and React Flow elements of a (possibly filtered) graph with some subtrees collapsed. */
export function useFlowView(graph: LineageGraph, collapsed: ReadonlySet<string>): FlowView {
  return useMemo(
    () =>
      timed('glance-lineage:layout', () => {
        const layout = layoutTree(graph, { ...LAYOUT_OPTIONS, collapsed });
        const hidden = new Map<string, number>();
        for (const id of collapsed) {
          if (layout.positions.has(id)) hidden.set(id, descendantsOf(graph, id).length);
        }
        const { nodes, edges } = toFlowElements(graph, layout.positions, hidden);
        return { nodes, edges };
      }),
    [graph, collapsed],
  );
}
