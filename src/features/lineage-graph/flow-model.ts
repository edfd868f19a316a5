import type { PackedLayout } from '../../api/graph-layout';
import type { LineageEdge, LineageGraph, LineageNode } from '../../lineage/types';
import { GridIndex, type Box } from './spatial-index';
import {
  flowEdge,
  flowNode,
  NODE_HEIGHT,
  NODE_WIDTH,
  type LineageFlowEdge,
  type LineageFlowNode,
  type Point,
} from './to-flow-elements';

/** A node of the graph that the layout placed (nodes inside a collapsed subtree have no place). */
export interface PlacedNode {
  id: string;
  node: LineageNode;
  x: number;
  y: number;
  /** How many descendants are hidden because this node is collapsed. */
  hiddenCount: number | undefined;
}

/** Flow objects made for one model, looked up by the next one to keep those that did not change. */
interface FlowObjects {
  nodes: Map<string, LineageFlowNode>;
  edges: Map<string, LineageFlowEdge>;
}

/** What one view remembers from model to model: the last model's flow objects, and the last model. */
export interface FlowMemory {
  last: FlowObjects | undefined;
  /** The last model built with this memory (shown while the next one is built in slices). */
  model?: FlowModel;
}

export function emptyFlowMemory(): FlowMemory {
  return { last: undefined };
}

/**
 * Items gone over between two checks of the time (the places where a sliced build may pause): small, as the
 * first build runs in code not yet optimised, where 4,000 items took up to ~20 ms.
 */
export const FLOW_STEP = 1000;

/**
 * Everything the canvas draws, laid out, with a spatial index over it: React Flow is handed only the part
 * near the viewport (flow-window.ts), so its store never holds a big cloud's 60,000 nodes and edges. React
 * Flow objects are made on demand, the first time a node or edge comes near the viewport.
 */
export interface FlowModel {
  /** Every placed node, in the graph's order. */
  readonly placed: readonly PlacedNode[];
  /** The index in `placed` of a node (its id map is made at the first call). */
  indexOf(id: string): number | undefined;
  /** Every edge whose two ends are placed. */
  readonly edges: readonly LineageEdge[];
  /** Placed-node indices of edge i's source and target at 2i and 2i + 1. */
  readonly ends: Int32Array;
  /** Node boxes. */
  readonly nodeGrid: GridIndex;
  /** Edge boxes: the bounds of the two nodes it joins (how React Flow decides an edge is in view). */
  readonly edgeGrid: GridIndex;
  /** The box around every placed node (zero size when there is none). */
  readonly bounds: Box;
  /** The flow node of placed node i: the previous model's object when nothing it shows changed. */
  flowNode(i: number): LineageFlowNode;
  flowEdge(i: number): LineageFlowEdge;
}

/** Side of a grid cell in flow coordinates: a few nodes across, a dozen down. */
const CELL = 1024;

/**
 * The model of `graph` laid out at `positions` (or as the worker packed its layout, which needs no lookup by
 * id: at 60,000 nodes, maps of every id cost the page tens of ms); `hiddenCounts` for collapsed nodes. With `memory` (the
 * previous call's, which this call replaces), a node whose lineage node object, position and hidden count
 * are the same as in the previous model keeps its flow object, an edge with the same ends and kind too, so
 * React Flow re-processes only what changed.
 */
export function buildFlowModel(
  graph: LineageGraph,
  positions: ReadonlyMap<string, Point> | PackedLayout,
  hiddenCounts: ReadonlyMap<string, number> = new Map(),
  memory?: FlowMemory,
): FlowModel {
  const steps = flowModelSteps(graph, positions, hiddenCounts, memory);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * buildFlowModel as steps: the generator pauses (yields) after every FLOW_STEP nodes or edges, so a big
 * model can be built over several tasks while the previous one stays on screen. `memory` learns the new
 * model only at the end: a build given up half way leaves it as it was.
 */
export function* flowModelSteps(
  graph: LineageGraph,
  positions: ReadonlyMap<string, Point> | PackedLayout,
  hiddenCounts: ReadonlyMap<string, number> = new Map(),
  memory?: FlowMemory,
): Generator<void, FlowModel> {
  /** The previous model's placed nodes by id, to reuse those that did not change (less garbage per build). */
  const oldPlaced = memory?.model?.placed;
  let oldAt = 0;
  const placed: PlacedNode[] = [];
  const edges: LineageEdge[] = [];
  const ends = new Int32Array(graph.edges.length * 2);
  const place = (node: LineageNode, x: number, y: number): void => {
    const hiddenCount = hiddenCounts.size === 0 ? undefined : hiddenCounts.get(node.id);
    // Builds while pages arrive mostly keep the order of the nodes: the old node at the same place is tried.
    const old = oldPlaced?.[oldAt];
    oldAt++;
    if (old && old.node === node && old.x === x && old.y === y && old.hiddenCount === hiddenCount)
      placed.push(old);
    else placed.push({ id: node.id, node, x, y, hiddenCount });
  };
  const keep = (e: LineageEdge, s: number, t: number): void => {
    ends[2 * edges.length] = s;
    ends[2 * edges.length + 1] = t;
    edges.push(e);
  };
  let index: Map<string, number> | null = null;
  if (isPacked(positions)) {
    const { xy, ends: packedEnds } = positions;
    /** Graph node index -> placed index (-1: not placed). */
    const toPlaced = new Int32Array(graph.nodes.size).fill(-1);
    let k = 0;
    for (const node of graph.nodes.values()) {
      const x = xy[2 * k] as number;
      if (!Number.isNaN(x)) {
        toPlaced[k] = placed.length;
        oldAt = placed.length;
        place(node, x, xy[2 * k + 1] as number);
      }
      k++;
      if (k % FLOW_STEP === 0) yield;
    }
    for (let i = 0; i < graph.edges.length; i++) {
      const s = toPlaced[packedEnds[2 * i] as number] ?? -1;
      const t = toPlaced[packedEnds[2 * i + 1] as number] ?? -1;
      if (s >= 0 && t >= 0) keep(graph.edges[i] as LineageEdge, s, t);
      if ((i + 1) % FLOW_STEP === 0) yield;
    }
  } else {
    index = new Map();
    for (const node of graph.nodes.values()) {
      const p = positions.get(node.id);
      if (!p) continue;
      index.set(node.id, placed.length);
      oldAt = placed.length;
      place(node, p.x, p.y);
    }
    for (const e of graph.edges) {
      const s = index.get(e.source);
      const t = index.get(e.target);
      if (s !== undefined && t !== undefined) keep(e, s, t);
    }
  }

  const nodeBoxes = new Float64Array(placed.length * 4);
  const bounds: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i] as PlacedNode;
    nodeBoxes[4 * i] = p.x;
    nodeBoxes[4 * i + 1] = p.y;
    nodeBoxes[4 * i + 2] = p.x + NODE_WIDTH;
    nodeBoxes[4 * i + 3] = p.y + NODE_HEIGHT;
    bounds.minX = Math.min(bounds.minX, p.x);
    bounds.minY = Math.min(bounds.minY, p.y);
    bounds.maxX = Math.max(bounds.maxX, p.x + NODE_WIDTH);
    bounds.maxY = Math.max(bounds.maxY, p.y + NODE_HEIGHT);
    if ((i + 1) % FLOW_STEP === 0) yield;
  }
  if (placed.length === 0) Object.assign(bounds, { minX: 0, minY: 0, maxX: 0, maxY: 0 });
  const edgeBoxes = new Float64Array(edges.length * 4);
  for (let i = 0; i < edges.length; i++) {
    const s = 4 * (ends[2 * i] as number);
    const t = 4 * (ends[2 * i + 1] as number);
    for (let k = 0; k < 2; k++) {
      edgeBoxes[4 * i + k] = Math.min(nodeBoxes[s + k] as number, nodeBoxes[t + k] as number);
      edgeBoxes[4 * i + 2 + k] = Math.max(nodeBoxes[s + 2 + k] as number, nodeBoxes[t + 2 + k] as number);
    }
    if ((i + 1) % FLOW_STEP === 0) yield;
  }
  const nodeGrid = new GridIndex(nodeBoxes, CELL);
  yield;
  const edgeGrid = new GridIndex(edgeBoxes, CELL);

  const objects: FlowObjects = { nodes: new Map(), edges: new Map() };
  const before: FlowObjects = memory?.last ?? { nodes: new Map(), edges: new Map() };
  const model: FlowModel = {
    placed,
    indexOf(id) {
      if (!index) {
        index = new Map();
        placed.forEach((p, i) => index?.set(p.id, i));
      }
      return index.get(id);
    },
    edges,
    ends,
    nodeGrid,
    edgeGrid,
    bounds,
    flowNode(i) {
      const p = placed[i] as PlacedNode;
      const made = objects.nodes.get(p.id);
      if (made) return made;
      const old = before.nodes.get(p.id);
      const flow =
        old &&
        old.data.node === p.node &&
        old.data.hiddenCount === p.hiddenCount &&
        old.position.x === p.x &&
        old.position.y === p.y
          ? old
          : flowNode(p.node, p, p.hiddenCount);
      objects.nodes.set(p.id, flow);
      return flow;
    },
    flowEdge(i) {
      const e = edges[i] as LineageEdge;
      const made = objects.edges.get(e.id);
      if (made) return made;
      const old = before.edges.get(e.id);
      const flow =
        old && old.source === e.source && old.target === e.target && old.data?.kind === e.kind
          ? old
          : flowEdge(e.id, e.source, e.target, e.kind);
      objects.edges.set(e.id, flow);
      return flow;
    },
  };
  if (memory) {
    memory.last = objects;
    memory.model = model;
  }
  return model;
}

function isPacked(p: ReadonlyMap<string, Point> | PackedLayout): p is PackedLayout {
  return 'xy' in p;
}
