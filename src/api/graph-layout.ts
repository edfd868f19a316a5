/**
 * The graph view's layout, shared by the lineage worker (which lays big graphs out off the page's main thread)
 * and the graph feature (which lays out filtered or collapsed graphs itself).
 */
import type { LayoutOptions, TreeLayout } from '../lineage';
import type { LineageGraph } from '../lineage/types';

/** Every node is drawn at this fixed size (React Flow never has to measure it). */
export const GRAPH_LAYOUT = {
  nodeWidth: 240,
  nodeHeight: 76,
  rankGap: 72,
  siblingGap: 14,
} as const satisfies Omit<LayoutOptions, 'collapsed'>;

/**
 * A layout as the worker sends it: x, y of every node in the graph's node order (NaN: not placed), and the
 * graph's edges' ends as node indices in that order (so the page finds them without looking up 60,000 ids).
 */
export interface PackedLayout {
  xy: Float64Array;
  /** Source and target node index of edge i at 2i and 2i + 1. */
  ends: Int32Array;
  width: number;
  height: number;
}

const packedLayouts = new WeakMap<LineageGraph, PackedLayout>();
const layouts = new WeakMap<LineageGraph, TreeLayout>();

/** The layout of `graph` with GRAPH_LAYOUT and nothing collapsed, when the worker made it with the graph. */
export function builtLayout(graph: LineageGraph): TreeLayout | undefined {
  const made = layouts.get(graph);
  if (made) return made;
  const packed = packedLayouts.get(graph);
  if (!packed) return undefined;
  const positions = new Map<string, { x: number; y: number }>();
  let i = 0;
  for (const id of graph.nodes.keys()) {
    const x = packed.xy[i++] as number;
    const y = packed.xy[i++] as number;
    if (!Number.isNaN(x)) positions.set(id, { x, y });
  }
  const layout = { positions, width: packed.width, height: packed.height };
  layouts.set(graph, layout);
  return layout;
}

/** The worker's layout of `graph`, as it came (see PackedLayout). */
export function builtPackedLayout(graph: LineageGraph): PackedLayout | undefined {
  return packedLayouts.get(graph);
}

export function rememberLayout(graph: LineageGraph, layout: PackedLayout): void {
  packedLayouts.set(graph, layout);
}
