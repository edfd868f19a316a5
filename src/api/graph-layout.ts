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

const layouts = new WeakMap<LineageGraph, TreeLayout>();

/** The layout of `graph` with GRAPH_LAYOUT and nothing collapsed, when the worker made it with the graph. */
export function builtLayout(graph: LineageGraph): TreeLayout | undefined {
  return layouts.get(graph);
}

export function rememberLayout(graph: LineageGraph, layout: TreeLayout): void {
  layouts.set(graph, layout);
}
