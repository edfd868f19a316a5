import type { EdgeKind, LineageGraph, LineageNode } from '../../../lineage/types';

/** Test helper: a LineageNode with deterministic defaults. */
export function buildNode(id: string, overrides: Partial<LineageNode> = {}): LineageNode {
  return {
    id,
    kind: 'image',
    name: id,
    projectId: 'p-demo',
    createdAt: '2026-01-01T00:00:00Z',
    status: 'active',
    sizeBytes: 1024,
    parentId: null,
    rootId: null,
    unknownGenerations: false,
    facts: [],
    ...overrides,
  };
}

/** Test helper: a graph from nodes and [parent, child, kind] triples. */
export function buildGraph(nodes: LineageNode[], links: [string, string, EdgeKind][]): LineageGraph {
  const children = new Map<string, string[]>();
  for (const [p, c] of links) children.set(p, [...(children.get(p) ?? []), c]);
  const childIds = new Set(links.map(([, c]) => c));
  return {
    nodes: new Map(nodes.map((n) => [n.id, n])),
    edges: links.map(([source, target, kind]) => ({ id: `${source}->${target}`, source, target, kind })),
    children,
    roots: nodes.filter((n) => !childIds.has(n.id)).map((n) => n.id),
    problems: [],
  };
}
