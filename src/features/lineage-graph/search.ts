import type { LineageGraph, LineageNode } from '../../lineage/types';

/** The string form of a property value as a search compares it. */
function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === null || v === undefined ? '' : JSON.stringify(v);
}

function propertyMatches(node: LineageNode, key: string, value: string): boolean {
  const bag: Record<string, unknown> | undefined = node.image ?? node.server?.metadata;
  if (!bag || !(key in bag)) return false;
  return value === '' || asText(bag[key]).toLowerCase() === value;
}

/**
 * Ids of the nodes a query finds, in the graph's order: a name or id containing the text
 * (case-insensitive), or `key=value` on an image property / server metadata (`key=` means "has key").
 */
export function searchNodes(graph: LineageGraph, query: string): string[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const eq = q.indexOf('=');
  const out: string[] = [];
  for (const node of graph.nodes.values()) {
    const hit =
      eq > 0
        ? propertyMatches(node, query.trim().slice(0, eq).trim(), q.slice(eq + 1).trim())
        : node.name.toLowerCase().includes(q) || node.id.toLowerCase().includes(q);
    if (hit) out.push(node.id);
  }
  return out;
}
