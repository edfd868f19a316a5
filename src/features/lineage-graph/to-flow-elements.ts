import { MarkerType, Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { EdgeKind, LineageGraph, LineageNode } from '../../lineage/types';
import { EDGE_LABELS } from '../../lib/labels';

/** Every node is drawn at this fixed size, so React Flow never has to measure it. */
export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 76;

export interface LineageNodeData extends Record<string, unknown> {
  node: LineageNode;
  /** How many descendants are hidden because this node is collapsed. */
  hiddenCount?: number;
}
export type LineageFlowNode = Node<LineageNodeData, 'lineage'>;
export type LineageFlowEdge = Edge<{ kind: EdgeKind }>;

export interface Point {
  x: number;
  y: number;
}

/** Left-to-right trees: parents on the left (source handle on the right), children on the right. */
const HANDLES: NodeHandle[] = [
  { type: 'target', position: Position.Left, x: 0, y: NODE_HEIGHT / 2 - 1, width: 2, height: 2 },
  {
    type: 'source',
    position: Position.Right,
    x: NODE_WIDTH - 2,
    y: NODE_HEIGHT / 2 - 1,
    width: 2,
    height: 2,
  },
];

const EDGE_STYLES: Record<EdgeKind, { stroke: string; strokeDasharray?: string; strokeWidth: number }> = {
  'booted-from': { stroke: '#64748b', strokeWidth: 1.5 },
  'snapshot-of': { stroke: '#0d9488', strokeWidth: 2 },
  'converted-from': { stroke: '#7c3aed', strokeWidth: 2, strokeDasharray: '6 4' },
  'root-only': { stroke: '#d97706', strokeWidth: 1.5, strokeDasharray: '2 4' },
};

/** Only the kinds that are rare and need words get a label; the legend explains the rest. */
const LABELLED: ReadonlySet<EdgeKind> = new Set(['converted-from', 'root-only']);

export function edgeStyle(kind: EdgeKind): LineageFlowEdge['style'] {
  return EDGE_STYLES[kind];
}

/**
 * Maps the lineage graph and its layout to React Flow nodes and edges: pre-measured nodes (width, height,
 * `measured` and `handles`), so `onlyRenderVisibleElements` can skip everything off screen from the start.
 * Nodes without a position (inside a collapsed subtree) are left out, and so are their edges; a collapsed
 * node carries the number of descendants it hides.
 */
export function toFlowElements(
  graph: LineageGraph,
  positions: ReadonlyMap<string, Point>,
  hiddenCounts: ReadonlyMap<string, number> = new Map(),
): { nodes: LineageFlowNode[]; edges: LineageFlowEdge[] } {
  const nodes: LineageFlowNode[] = [];
  for (const node of graph.nodes.values()) {
    const position = positions.get(node.id);
    if (!position) continue;
    nodes.push({
      id: node.id,
      type: 'lineage',
      position: { x: position.x, y: position.y },
      data: hiddenCounts.has(node.id) ? { node, hiddenCount: hiddenCounts.get(node.id) } : { node },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
      handles: HANDLES,
      draggable: false,
      connectable: false,
      ariaLabel: `${node.kind} ${node.name}`,
    });
  }
  const edges: LineageFlowEdge[] = [];
  for (const e of graph.edges) {
    if (!positions.has(e.source) || !positions.has(e.target)) continue;
    edges.push({
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'smoothstep',
      data: { kind: e.kind },
      style: EDGE_STYLES[e.kind],
      markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_STYLES[e.kind].stroke, width: 14, height: 14 },
      ...(LABELLED.has(e.kind) ? { label: EDGE_LABELS[e.kind] } : {}),
      ariaLabel: `${EDGE_LABELS[e.kind]}: ${e.source} to ${e.target}`,
      focusable: false,
      selectable: false,
    });
  }
  return { nodes, edges };
}
