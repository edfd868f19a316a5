import { describe, expect, it } from 'vitest';
import { buildFlowModel } from './flow-model';
import { emptyLookCache, highlightEdge, highlightNode } from './highlight';
import { buildGraph, buildNode } from './testing/graph-builder';

const graph = buildGraph(
  [buildNode('a'), buildNode('b'), buildNode('c'), buildNode('x')],
  [
    ['a', 'b', 'booted-from'],
    ['b', 'c', 'snapshot-of'],
    ['a', 'x', 'booted-from'],
  ],
);
const model = buildFlowModel(graph, new Map(['a', 'b', 'c', 'x'].map((id, i) => [id, { x: i * 100, y: 0 }])));
const nodes = model.placed.map((_, i) => model.flowNode(i));
const edges = model.edges.map((_, i) => model.flowEdge(i));
const lineage = new Set(['a', 'b', 'c']);

describe('highlightNode', () => {
  it('returns the node itself when nothing is selected', () => {
    const cache = emptyLookCache();
    for (const n of nodes) expect(highlightNode(n, null, new Set(), cache)).toBe(n);
  });

  it('marks the selection and its lineage, and keeps every other node object as it was', () => {
    const cache = emptyLookCache();
    const out = new Map(nodes.map((n) => [n.id, highlightNode(n, 'b', lineage, cache)]));
    expect(out.get('b')).toMatchObject({ selected: true, className: 'is-related' });
    expect(out.get('a')).toMatchObject({ selected: false, className: 'is-related' });
    expect(out.get('x')).toBe(nodes[3]);
  });

  it('hands back the same marked copy while the mark is the same', () => {
    const cache = emptyLookCache();
    const b = nodes[1]!;
    const first = highlightNode(b, 'b', lineage, cache);
    expect(highlightNode(b, 'b', new Set(lineage), cache)).toBe(first);
    expect(highlightNode(b, 'a', lineage, cache)).toMatchObject({ selected: false });
  });
});

describe('highlightEdge', () => {
  it('marks only edges whose both ends are in the lineage', () => {
    const cache = emptyLookCache();
    const out = edges.map((e) => highlightEdge(e, lineage, cache));
    expect(out.filter((e) => e.className === 'is-related').map((e) => e.id)).toEqual(['a->b', 'b->c']);
    expect(out[2]).toBe(edges[2]);
    expect(highlightEdge(edges[0]!, lineage, cache)).toBe(out[0]);
  });
});
