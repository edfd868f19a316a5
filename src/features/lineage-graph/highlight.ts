import type { LineageFlowEdge, LineageFlowNode } from './to-flow-elements';

/**
 * Marks the selected node and its lineage (ancestors + descendants) for the canvas. Nodes outside the
 * lineage keep their object identity, so React Flow re-renders only the ones whose look changed.
 */
export function highlightNodes(
  nodes: LineageFlowNode[],
  selectedId: string | null,
  related: ReadonlySet<string>,
): LineageFlowNode[] {
  if (!selectedId) return nodes;
  return nodes.map((n) => {
    const isSelected = n.id === selectedId;
    if (!isSelected && !related.has(n.id)) return n;
    return { ...n, selected: isSelected, className: 'is-related' };
  });
}

/** Edges between two nodes of the highlighted lineage get the same mark. */
export function highlightEdges(edges: LineageFlowEdge[], related: ReadonlySet<string>): LineageFlowEdge[] {
  if (related.size === 0) return edges;
  return edges.map((e) =>
    related.has(e.source) && related.has(e.target) ? { ...e, className: 'is-related', animated: true } : e,
  );
}
