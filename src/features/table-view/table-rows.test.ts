import { describe, expect, it } from 'vitest';
import type { LineageGraph, LineageNode } from '../../lineage/types';
import { nextSort, parseSort, sortRows, sortText, tableRows } from './table-rows';

function node(id: string, over: Partial<LineageNode> = {}): LineageNode {
  return {
    id,
    kind: 'snapshot',
    name: id,
    projectId: 'p1',
    createdAt: '2026-02-02T10:00:00Z',
    status: 'active',
    sizeBytes: 10,
    parentId: null,
    rootId: null,
    unknownGenerations: false,
    facts: [],
    ...over,
  };
}

const nodes = [
  node('a', { name: 'Beta', sizeBytes: 300, createdAt: '2026-03-01T00:00:00Z' }),
  node('b', { name: 'alpha', sizeBytes: null, createdAt: null, parentId: 'a' }),
  node('c', {
    name: 'gamma',
    sizeBytes: 20,
    createdAt: '2026-01-01T00:00:00Z',
    parentId: 'a',
    facts: [{ kind: 'orphan', reason: 'x' }],
  }),
];
const graph: LineageGraph = {
  nodes: new Map(nodes.map((n) => [n.id, n])),
  edges: [],
  children: new Map(),
  roots: ['a'],
  problems: [],
};
const rows = tableRows(graph);
const ids = (key: Parameters<typeof nextSort>[1], dir: 'asc' | 'desc') =>
  sortRows(rows, { key, dir }).map((r) => r.node.id);

describe('sortRows', () => {
  it('sorts names case-insensitively both ways', () => {
    expect(ids('name', 'asc')).toEqual(['b', 'a', 'c']);
    expect(ids('name', 'desc')).toEqual(['c', 'a', 'b']);
  });

  it('puts unknown sizes and dates last in either direction', () => {
    expect(ids('size', 'desc')).toEqual(['a', 'c', 'b']);
    expect(ids('size', 'asc')).toEqual(['c', 'a', 'b']);
    expect(ids('created', 'asc')).toEqual(['c', 'a', 'b']);
  });

  it('sorts by the parent’s name and by the number of facts', () => {
    expect(tableRows(graph).find((r) => r.node.id === 'b')?.parentName).toBe('Beta');
    expect(ids('parent', 'asc')).toEqual(['b', 'c', 'a']);
    expect(ids('facts', 'desc')[0]).toBe('c');
  });
});

describe('sort state', () => {
  it('flips the direction on the same column and starts a new one in its natural direction', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, 'size')).toEqual({ key: 'size', dir: 'desc' });
    expect(nextSort({ key: 'size', dir: 'desc' }, 'kind')).toEqual({ key: 'kind', dir: 'asc' });
  });

  it('reads back what it writes and falls back to newest first', () => {
    expect(parseSort(sortText({ key: 'parent', dir: 'asc' }))).toEqual({ key: 'parent', dir: 'asc' });
    expect(parseSort('bogus-up')).toEqual({ key: 'created', dir: 'desc' });
    expect(parseSort(null)).toEqual({ key: 'created', dir: 'desc' });
  });
});
