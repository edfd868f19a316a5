/**
 * Viewport culling done by the app: React Flow is handed the nodes and edges inside a window around the
 * viewport, not the whole graph. The window is the viewport grown by half its size on every side, and it
 * is moved only when the viewport leaves it (or after zooming in a long way), so a pan hands React Flow a
 * new set a few times, not on every frame; with `onlyRenderVisibleElements` React Flow then mounts only
 * what is inside the viewport itself.
 */
import type { FlowModel } from './flow-model';
import { highlightEdge, highlightNode, type LookCache } from './highlight';
import type { Box } from './spatial-index';
import type { LineageFlowEdge, LineageFlowNode } from './to-flow-elements';

/** The part of the flow plane the viewport shows (transform: x, y, zoom as React Flow keeps them). */
export function viewBox(x: number, y: number, zoom: number, width: number, height: number): Box {
  return { minX: -x / zoom, minY: -y / zoom, maxX: (width - x) / zoom, maxY: (height - y) / zoom };
}

/** `view` grown by `margin` times its width and height on each side. */
export function windowAround(view: Box, margin = 0.5): Box {
  const w = (view.maxX - view.minX) * margin;
  const h = (view.maxY - view.minY) * margin;
  return { minX: view.minX - w, minY: view.minY - h, maxX: view.maxX + w, maxY: view.maxY + h };
}

function contains(outer: Box, inner: Box): boolean {
  return (
    outer.minX <= inner.minX &&
    outer.minY <= inner.minY &&
    outer.maxX >= inner.maxX &&
    outer.maxY >= inner.maxY
  );
}

function area(b: Box): number {
  return Math.max(0, b.maxX - b.minX) * Math.max(0, b.maxY - b.minY);
}

/**
 * The window to use for `view`: `current` while it still holds the viewport and is not much bigger than a
 * fresh window would be (after zooming in), otherwise a new one around the viewport.
 */
export function nextWindow(current: Box | null, view: Box): Box {
  const fresh = windowAround(view);
  if (current && contains(current, view) && area(current) <= 4 * area(fresh)) return current;
  return fresh;
}

export interface Look {
  selectedId: string | null;
  /** The selected node and its lineage. */
  related: ReadonlySet<string>;
}

/**
 * The flow nodes and edges to hand React Flow for `box`: the nodes overlapping it, the edges whose bounds
 * overlap it, and the far end of each such edge (React Flow draws an edge only when it holds both of its
 * nodes; a far end outside the viewport is not mounted). Nodes keep the graph's order (the Tab order); the
 * selection and its lineage are marked, through `looks` so an unchanged mark keeps its object.
 */
export function windowElements(
  model: FlowModel,
  box: Box | null,
  look: Look,
  looks: LookCache,
): { nodes: LineageFlowNode[]; edges: LineageFlowEdge[] } {
  const nodeIdx = box ? model.nodeGrid.query(box) : model.placed.map((_, i) => i);
  const edgeIdx = box ? model.edgeGrid.query(box) : model.edges.map((_, i) => i);
  let order = nodeIdx;
  if (box && edgeIdx.length > 0) {
    const inside = new Set(nodeIdx);
    for (const e of edgeIdx) {
      inside.add(model.ends[2 * e] as number);
      inside.add(model.ends[2 * e + 1] as number);
    }
    if (inside.size > nodeIdx.length) order = [...inside].sort((a, b) => a - b);
  }
  const nodes = order.map((i) => highlightNode(model.flowNode(i), look.selectedId, look.related, looks));
  const edges = edgeIdx.map((i) => highlightEdge(model.flowEdge(i), look.related, looks));
  return { nodes, edges };
}

/** What the canvas handed React Flow last (one per canvas, kept across renders). */
export interface LastWindow {
  nodes: LineageFlowNode[];
  edges: LineageFlowEdge[];
}

export function emptyLastWindow(): LastWindow {
  return { nodes: [], edges: [] };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * `next`, with the arrays `last` handed on kept where they hold the same objects in the same order: React
 * Flow then sees the same `nodes` / `edges` and does nothing. A graph rebuilt while pages arrive mostly keeps
 * the flow objects near the viewport, and each new array set React Flow's store, whose subscribers then
 * re-render in one synchronous task (tens of ms at 50,000 images, for nothing). `last` learns what is returned.
 */
export function keepUnchanged(
  last: LastWindow,
  next: { nodes: LineageFlowNode[]; edges: LineageFlowEdge[] },
): { nodes: LineageFlowNode[]; edges: LineageFlowEdge[] } {
  if (!sameItems(last.nodes, next.nodes)) last.nodes = next.nodes;
  if (!sameItems(last.edges, next.edges)) last.edges = next.edges;
  return { nodes: last.nodes, edges: last.edges };
}

/** New nodes handed to React Flow per frame, when many come at once (a first graph, a pan to a new region). */
export const NODES_PER_FRAME = 12;

/**
 * The part of `all` to hand React Flow now: the nodes it was handed last time (`shown`) that are still in
 * the window, plus up to `perFrame` others, in the window's order, and the edges between nodes handed.
 * React Flow mounts what it is handed in one synchronous render (its store updates are not split by React):
 * 35 nodes and their edges made one task of 60 to 100 ms when a 50,000-image graph first showed, so they come
 * a dozen a frame. `pending`: some nodes still wait.
 */
export function revealStep(
  all: { nodes: LineageFlowNode[]; edges: LineageFlowEdge[] },
  shown: ReadonlySet<string>,
  perFrame = NODES_PER_FRAME,
): { nodes: LineageFlowNode[]; edges: LineageFlowEdge[]; pending: boolean } {
  let fresh = 0;
  let pending = false;
  const ids = new Set<string>();
  const nodes: LineageFlowNode[] = [];
  for (const n of all.nodes) {
    if (!shown.has(n.id)) {
      if (fresh === perFrame) {
        pending = true;
        continue;
      }
      fresh++;
    }
    ids.add(n.id);
    nodes.push(n);
  }
  if (!pending) return { ...all, pending };
  const edges = all.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return { nodes, edges, pending };
}
