import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { GRAPH_LAYOUT } from '../../api/graph-layout';
import type { EdgeKind, LineageNode } from '../../lineage/types';
import { EDGE_LABELS } from '../../lib/labels';

/** Every node is drawn at this fixed size, so React Flow never has to measure it. */
export const NODE_WIDTH = GRAPH_LAYOUT.nodeWidth;
export const NODE_HEIGHT = GRAPH_LAYOUT.nodeHeight;

export interface LineageNodeData extends Record<string, unknown> {
  node: LineageNode;
  /** How many descendants are hidden because this node is collapsed. */
  hiddenCount?: number;
}
export type LineageFlowNode = Node<LineageNodeData, 'lineage'>;
export interface LineageEdgeData extends Record<string, unknown> {
  kind: EdgeKind;
  /** Both ends are in the selected lineage. */
  related?: boolean;
}
/** `labelled`: a kind that carries words (edges/labelled-edge.tsx); the others are React Flow's smooth steps. */
export type LineageFlowEdge = Edge<LineageEdgeData, 'smoothstep' | 'labelled'>;

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

/** Every kind of edge, in the order the legend lists them. */
export const EDGE_KINDS: readonly EdgeKind[] = ['booted-from', 'snapshot-of', 'converted-from', 'root-only'];

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

/** The id of the arrowhead an edge of `kind` ends in (edge-markers.tsx draws them). */
export function arrowId(kind: EdgeKind): string {
  return `lineage-arrow-${kind}`;
}

/**
 * A React Flow node for a laid-out lineage node: pre-measured (width, height, `measured` and `handles`), so
 * React Flow never measures it (as patched in patches/, it does not even observe it) and
 * `onlyRenderVisibleElements` can skip it while it is off screen.
 */
export function flowNode(
  node: LineageNode,
  position: Point,
  hiddenCount: number | undefined,
): LineageFlowNode {
  return {
    id: node.id,
    type: 'lineage',
    position: { x: position.x, y: position.y },
    data: hiddenCount !== undefined ? { node, hiddenCount } : { node },
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
    handles: HANDLES,
    draggable: false,
    connectable: false,
    ariaLabel: `${node.kind} ${node.name}`,
  };
}

/** A React Flow edge, parent to child, styled by kind; only the rare kinds carry a label. */
export function flowEdge(id: string, source: string, target: string, kind: EdgeKind): LineageFlowEdge {
  return {
    id,
    source,
    target,
    type: LABELLED.has(kind) ? 'labelled' : 'smoothstep',
    data: { kind },
    style: EDGE_STYLES[kind],
    markerEnd: arrowId(kind),
    ...(LABELLED.has(kind) ? { label: EDGE_LABELS[kind] } : {}),
    ariaLabel: `${EDGE_LABELS[kind]}: ${source} to ${target}`,
    focusable: false,
    selectable: false,
  };
}
