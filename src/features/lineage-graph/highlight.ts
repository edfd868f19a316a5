import type { LineageFlowEdge, LineageFlowNode } from './to-flow-elements';

/**
 * The marked copies made so far, by the flow object they copy: the same object with the same mark comes
 * back as the same copy, so React Flow re-renders only the nodes and edges whose look changed.
 */
export interface LookCache {
  nodes: WeakMap<LineageFlowNode, { selected: boolean; out: LineageFlowNode }>;
  edges: WeakMap<LineageFlowEdge, LineageFlowEdge>;
}

export function emptyLookCache(): LookCache {
  return { nodes: new WeakMap(), edges: new WeakMap() };
}

/**
 * Marks the selected node and its lineage (ancestors + descendants) for the canvas. A node outside the
 * lineage is returned as it is.
 */
export function highlightNode(
  n: LineageFlowNode,
  selectedId: string | null,
  related: ReadonlySet<string>,
  cache: LookCache,
): LineageFlowNode {
  if (!selectedId) return n;
  const selected = n.id === selectedId;
  if (!selected && !related.has(n.id)) return n;
  const made = cache.nodes.get(n);
  if (made && made.selected === selected) return made.out;
  const out = { ...n, selected, className: 'is-related' };
  cache.nodes.set(n, { selected, out });
  return out;
}

/** An edge between two nodes of the highlighted lineage gets the same mark. */
export function highlightEdge(
  e: LineageFlowEdge,
  related: ReadonlySet<string>,
  cache: LookCache,
): LineageFlowEdge {
  if (!related.has(e.source) || !related.has(e.target)) return e;
  const made = cache.edges.get(e);
  if (made) return made;
  const out = {
    ...e,
    className: 'is-related',
    animated: true,
    ...(e.data ? { data: { ...e.data, related: true } } : {}),
  };
  cache.edges.set(e, out);
  return out;
}
