import type { LineageGraph } from '../../lineage/types';

/**
 * The nodes the first view of a big graph shows: the first family (root and its descendants, breadth
 * first) up to `limit` nodes. Fitting 10,000 nodes would put them all in the DOM; a region keeps culling useful.
 */
export function initialFocus(graph: LineageGraph, limit = 40): string[] {
  const first = graph.roots[0];
  if (first === undefined) return [];
  const out: string[] = [];
  const queue: string[] = [first];
  for (let i = 0; i < queue.length && out.length < limit; i++) {
    const id = queue[i] as string;
    out.push(id);
    for (const child of graph.children.get(id) ?? []) queue.push(child);
  }
  return out;
}
