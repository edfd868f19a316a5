import type { FactKind, LineageGraph, LineageNode, NodeKind } from '../../lineage/types';

export interface GraphFilter {
  kind: NodeKind | null;
  fact: FactKind | null;
  project: string | null;
  tag: string | null;
}

export const NO_FILTER: GraphFilter = { kind: null, fact: null, project: null, tag: null };

export function isFiltering(f: GraphFilter): boolean {
  return f.kind !== null || f.fact !== null || f.project !== null || f.tag !== null;
}

function tagsOf(node: LineageNode): readonly string[] {
  return node.image?.tags ?? node.server?.tags ?? [];
}

/** Every set criterion must hold. */
export function matchesFilter(node: LineageNode, f: GraphFilter): boolean {
  if (f.kind !== null && node.kind !== f.kind) return false;
  if (f.fact !== null && !node.facts.some((x) => x.kind === f.fact)) return false;
  if (f.project !== null && node.projectId !== f.project) return false;
  if (f.tag !== null && !tagsOf(node).includes(f.tag)) return false;
  return true;
}

/**
 * The part of the graph a filter shows: every matching node plus its ancestors (so each match stays in its
 * chain), with the same edge and child order. The result is laid out again, so no gaps are left.
 */
export function filterGraph(graph: LineageGraph, f: GraphFilter): LineageGraph {
  if (!isFiltering(f)) return graph;
  const keep = new Set<string>();
  for (const node of graph.nodes.values()) {
    if (!matchesFilter(node, f)) continue;
    let cur: string | null = node.id;
    while (cur !== null && !keep.has(cur)) {
      keep.add(cur);
      cur = graph.nodes.get(cur)?.parentId ?? null;
    }
  }
  const nodes = new Map([...graph.nodes].filter(([id]) => keep.has(id)));
  const edges = graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  const children = new Map<string, string[]>();
  for (const [id, kids] of graph.children) {
    if (!keep.has(id)) continue;
    const kept = kids.filter((k) => keep.has(k));
    if (kept.length > 0) children.set(id, kept);
  }
  const isChild = new Set(edges.map((e) => e.target));
  const roots = [...nodes.keys()].filter((id) => !isChild.has(id));
  return { nodes, edges, children, roots, problems: graph.problems };
}

export interface FilterChoices {
  projects: string[];
  tags: string[];
}

const choicesOf = new WeakMap<LineageGraph, FilterChoices>();

/**
 * The values the filter menus offer, sorted; found once per graph (the graph view and the table's filter bar
 * ask for the same graph).
 */
export function filterChoices(graph: LineageGraph): FilterChoices {
  const known = choicesOf.get(graph);
  if (known) return known;
  const projects = new Set<string>();
  const tags = new Set<string>();
  for (const node of graph.nodes.values()) {
    if (node.projectId) projects.add(node.projectId);
    const nodeTags = node.image?.tags ?? node.server?.tags;
    if (nodeTags) for (const t of nodeTags) tags.add(t);
  }
  const choices = { projects: [...projects].sort(), tags: [...tags].sort() };
  choicesOf.set(graph, choices);
  return choices;
}
