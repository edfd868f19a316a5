import type { LineageGraph, LineageNode } from '../../lineage/types';

export interface TableRow {
  node: LineageNode;
  parentName: string;
  /** The family's root image name (the chain's base image, or the tree's root). */
  rootName: string;
}

export type SortKey = 'name' | 'kind' | 'status' | 'project' | 'size' | 'created' | 'parent' | 'facts';
export type SortDir = 'asc' | 'desc';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export const SORT_KEYS: readonly SortKey[] = [
  'name',
  'kind',
  'status',
  'project',
  'size',
  'created',
  'parent',
  'facts',
];
export const DEFAULT_SORT: Sort = { key: 'created', dir: 'desc' };

/** `size-desc` → {key: 'size', dir: 'desc'}; anything else → the default. */
export function parseSort(text: string | null): Sort {
  const [key, dir] = (text ?? '').split('-');
  if (SORT_KEYS.includes(key as SortKey) && (dir === 'asc' || dir === 'desc'))
    return { key: key as SortKey, dir };
  return DEFAULT_SORT;
}

export function sortText(sort: Sort): string {
  return `${sort.key}-${sort.dir}`;
}

/** Clicking a column: the same column flips direction, a new one starts ascending (sizes and dates descending). */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'size' || key === 'created' ? 'desc' : 'asc' };
}

/** One row per node of the graph, with its parent's and root's names. */
export function tableRows(graph: LineageGraph, full: LineageGraph = graph): TableRow[] {
  const nameOf = (id: string | null): string => (id === null ? '' : (full.nodes.get(id)?.name ?? id));
  return [...graph.nodes.values()].map((node) => ({
    node,
    parentName: nameOf(node.parentId),
    rootName: nameOf(node.rootId),
  }));
}

function sortValue(row: TableRow, key: SortKey): string | number | null {
  const n = row.node;
  switch (key) {
    case 'name':
      return n.name.toLowerCase();
    case 'kind':
      return n.kind;
    case 'status':
      return n.status?.toLowerCase() ?? null;
    case 'project':
      return n.projectId;
    case 'size':
      return n.sizeBytes;
    case 'created':
      return n.createdAt ? Date.parse(n.createdAt) : null;
    case 'parent':
      return row.parentName === '' ? null : row.parentName.toLowerCase();
    case 'facts':
      return n.facts.length;
  }
}

/** A sorted copy; unknown values (no size, no date) go last in either direction; ties keep the id order. */
export function sortRows(rows: readonly TableRow[], sort: Sort): TableRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null || Number.isNaN(x) || Number.isNaN(y)) {
      const xMissing = x === null || Number.isNaN(x);
      const yMissing = y === null || Number.isNaN(y);
      if (xMissing !== yMissing) return xMissing ? 1 : -1;
    } else if (x !== y) {
      return (x < y ? -1 : 1) * sign;
    }
    return a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0;
  });
}
