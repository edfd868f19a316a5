import { describe, expect, it } from 'vitest';
import { highlightEdges, highlightNodes } from './highlight';
import { buildGraph, buildNode } from './testing/graph-builder';
import { toFlowElements } from './to-flow-elements';

const graph = buildGraph(
  [buildNode('a'), buildNode('b'), buildNode('c'), buildNode('x')],
  [
    ['a', 'b', 'booted-from'],
    ['b', 'c', 'snapshot-of'],
    ['a', 'x', 'booted-from'],
  ],
);
const { nodes, edges } = toFlowElements(
  graph,
  new Map(['a', 'b', 'c', 'x'].map((id, i) => [id, { x: i * 100, y: 0 }])),
);

describe('highlightNodes', () => {
  it('returns the same array when nothing is selected', () => {
    expect(highlightNodes(nodes, null, new Set())).toBe(nodes);
  });

  it('marks the selection and its lineage, and keeps every other node object as it was', () => {
    const out = highlightNodes(nodes, 'b', new Set(['a', 'b', 'c']));
    const byId = new Map(out.map((n) => [n.id, n]));
    expect(byId.get('b')).toMatchObject({ selected: true, className: 'is-related' });
    expect(byId.get('a')).toMatchObject({ selected: false, className: 'is-related' });
    expect(byId.get('x')).toBe(nodes.find((n) => n.id === 'x'));
  });
});

describe('highlightEdges', () => {
  it('marks only edges whose both ends are in the lineage', () => {
    const out = highlightEdges(edges, new Set(['a', 'b', 'c']));
    expect(out.filter((e) => e.className === 'is-related').map((e) => e.id)).toEqual(['a->b', 'b->c']);
  });
});
