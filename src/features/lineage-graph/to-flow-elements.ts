import { MarkerType, Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { GRAPH_LAYOUT } from '../../api/graph-layout';
import type { EdgeKind, LineageGraph, LineageNode } from '../../lineage/types';
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

/** Flow nodes and edges of an earlier call, reused when nothing they show has changed. */
export interface FlowCache {
  nodes: Map<string, LineageFlowNode>;
  edges: Map<string, LineageFlowEdge>;
}

export function emptyFlowCache(): FlowCache {
  return { nodes: new Map(), edges: new Map() };
}

/**
 * Maps the lineage graph and its layout to React Flow nodes and edges: pre-measured nodes (width, height,
 * `measured` and `handles`), so `onlyRenderVisibleElements` can skip everything off screen from the start.
 * Nodes without a position (inside a collapsed subtree) are left out, and so are their edges; a collapsed
 * node carries the number of descendants it hides. With `cache` (the previous call's, replaced by this
 * call's), a node whose lineage node object, position and hidden count are the same keeps its flow object, and
 * so does an edge with the same ends and kind: React Flow then only re-processes what changed.
 */
export function toFlowElements(
  graph: LineageGraph,
  positions: ReadonlyMap<string, Point>,
  hiddenCounts: ReadonlyMap<string, number> = new Map(),
  cache?: FlowCache,
): { nodes: LineageFlowNode[]; edges: LineageFlowEdge[] } {
  const nodes: LineageFlowNode[] = [];
  const nextNodes = new Map<string, LineageFlowNode>();
  for (const node of graph.nodes.values()) {
    const position = positions.get(node.id);
    if (!position) continue;
    const hiddenCount = hiddenCounts.get(node.id);
    const before = cache?.nodes.get(node.id);
    const flow =
      before &&
      before.data.node === node &&
      before.data.hiddenCount === hiddenCount &&
      before.position.x === position.x &&
      before.position.y === position.y
        ? before
        : flowNode(node, position, hiddenCount);
    nodes.push(flow);
    if (cache) nextNodes.set(node.id, flow);
  }
  const edges: LineageFlowEdge[] = [];
  const nextEdges = new Map<string, LineageFlowEdge>();
  for (const e of graph.edges) {
    if (!positions.has(e.source) || !positions.has(e.target)) continue;
    const before = cache?.edges.get(e.id);
    const flow =
      before && before.source === e.source && before.target === e.target && before.data?.kind === e.kind
        ? before
        : flowEdge(e.id, e.source, e.target, e.kind);
    edges.push(flow);
    if (cache) nextEdges.set(e.id, flow);
  }
  if (cache) {
    cache.nodes = nextNodes;
    cache.edges = nextEdges;
  }
  return { nodes, edges };
}

function flowNode(node: LineageNode, position: Point, hiddenCount: number | undefined): LineageFlowNode {
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

function flowEdge(id: string, source: string, target: string, kind: EdgeKind): LineageFlowEdge {
  return {
    id,
    source,
    target,
    type: 'smoothstep',
    data: { kind },
    style: EDGE_STYLES[kind],
    markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_STYLES[kind].stroke, width: 14, height: 14 },
    ...(LABELLED.has(kind) ? { label: EDGE_LABELS[kind] } : {}),
    ariaLabel: `${EDGE_LABELS[kind]}: ${source} to ${target}`,
    focusable: false,
    selectable: false,
  };
}
