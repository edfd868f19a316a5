import { useMemo } from 'react';
import { buildLineage, layoutTree } from '../../lineage';
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

/** The lineage of the fetched data, built once per data change. */
export function useLineageGraph(input: LineageInput): LineageGraph {
  return useMemo(() => buildLineage(input), [input]);
}

/** Layout and React Flow elements of a (possibly filtered) graph, once per graph. */
export function useFlowView(graph: LineageGraph): FlowView {
  return useMemo(() => {
    const layout = layoutTree(graph, { ...LAYOUT_OPTIONS, collapsed: new Set<string>() });
    const { nodes, edges } = toFlowElements(graph, layout.positions);
    return { nodes, edges };
  }, [graph]);
}
