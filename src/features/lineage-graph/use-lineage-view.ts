import { useMemo } from 'react';
import { buildLineage } from '../../lineage/build-lineage';
import { layoutTree } from '../../lineage/layout';
import type { LineageGraph, LineageInput } from '../../lineage/types';
import { initialFocus } from './initial-focus';
import { NODE_HEIGHT, NODE_WIDTH, toFlowElements, type LineageFlowEdge, type LineageFlowNode } from './to-flow-elements';

export interface LineageView {
  graph: LineageGraph;
  nodes: LineageFlowNode[];
  edges: LineageFlowEdge[];
  initialFocus: string[];
}

export const LAYOUT_OPTIONS = { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, rankGap: 72, siblingGap: 14 };

/** Builds, lays out and maps the lineage once per data change (memoised; pure work underneath). */
export function useLineageView(input: LineageInput): LineageView {
  return useMemo(() => {
    const graph = buildLineage(input);
    const layout = layoutTree(graph, { ...LAYOUT_OPTIONS, collapsed: new Set<string>() });
    const { nodes, edges } = toFlowElements(graph, layout.positions);
    return { graph, nodes, edges, initialFocus: initialFocus(graph) };
  }, [input]);
}
