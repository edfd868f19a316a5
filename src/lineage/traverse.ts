/** Walks over a built LineageGraph. Every walk terminates, even on a graph built by hand with a cycle. */
import type { LineageGraph } from './types';

/** Parent, grandparent, ... up to the root, nearest first. */
export function ancestorsOf(graph: LineageGraph, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([id]);
  let cur = graph.nodes.get(id)?.parentId ?? null;
  while (cur !== null && !seen.has(cur)) {
    seen.add(cur);
    out.push(cur);
    cur = graph.nodes.get(cur)?.parentId ?? null;
  }
  return out;
}

/** Every node below `id`, breadth-first (children first, then grandchildren...). */
export function descendantsOf(graph: LineageGraph, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([id]);
  const queue: string[] = [id];
  for (let i = 0; i < queue.length; i++) {
    for (const kid of graph.children.get(queue[i] as string) ?? []) {
      if (seen.has(kid)) continue;
      seen.add(kid);
      out.push(kid);
      queue.push(kid);
    }
  }
  return out;
}

/** The root of the tree `id` is drawn in (`id` itself for a root). */
export function familyRootOf(graph: LineageGraph, id: string): string {
  const up = ancestorsOf(graph, id);
  return up.length > 0 ? (up[up.length - 1] as string) : id;
}

/** Every node id, parents before children (breadth-first from the roots). */
export function topologicalOrder(graph: LineageGraph): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const root of graph.roots) {
    if (seen.has(root)) continue;
    seen.add(root);
    order.push(root);
  }
  for (let i = 0; i < order.length; i++) {
    for (const kid of graph.children.get(order[i] as string) ?? []) {
      if (seen.has(kid)) continue;
      seen.add(kid);
      order.push(kid);
    }
  }
  return order;
}
