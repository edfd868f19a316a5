import { describe, expect, it } from 'vitest';
import { buildGraph, buildNode } from './testing/graph-builder';
import { emptyFlowCache, NODE_HEIGHT, NODE_WIDTH, toFlowElements } from './to-flow-elements';

const graph = buildGraph(
  [
    buildNode('base', { name: 'ubuntu-24.04' }),
    buildNode('srv', { kind: 'server', name: 'web-1', parentId: 'base' }),
    buildNode('snap', { kind: 'snapshot', name: 'web-1-snap', parentId: 'srv' }),
    buildNode('orphan', { kind: 'snapshot', name: 'old', parentId: 'base', unknownGenerations: true }),
  ],
  [
    ['base', 'srv', 'booted-from'],
    ['srv', 'snap', 'snapshot-of'],
    ['base', 'orphan', 'root-only'],
  ],
);
const positions = new Map([
  ['base', { x: 0, y: 0 }],
  ['srv', { x: 300, y: 0 }],
  ['snap', { x: 600, y: 0 }],
  ['orphan', { x: 300, y: 100 }],
]);

describe('toFlowElements', () => {
  it('places every laid-out node at its layout position as a pre-measured lineage node', () => {
    const { nodes } = toFlowElements(graph, positions);
    expect(nodes.map((n) => n.id)).toEqual(['base', 'srv', 'snap', 'orphan']);
    const srv = nodes.find((n) => n.id === 'srv');
    expect(srv).toMatchObject({
      type: 'lineage',
      position: { x: 300, y: 0 },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
    });
    expect(srv?.handles?.map((h) => h.type).sort()).toEqual(['source', 'target']);
    expect(srv?.data.node.name).toBe('web-1');
  });

  it('draws edges parent to child and labels only the kinds that need words', () => {
    const { edges } = toFlowElements(graph, positions);
    expect(edges.map((e) => [e.source, e.target, e.data?.kind])).toEqual([
      ['base', 'srv', 'booted-from'],
      ['srv', 'snap', 'snapshot-of'],
      ['base', 'orphan', 'root-only'],
    ]);
    expect(edges.find((e) => e.data?.kind === 'root-only')?.label).toBe('generations unknown');
    expect(edges.find((e) => e.data?.kind === 'booted-from')?.label).toBeUndefined();
  });

  it('gives each edge kind its own stroke', () => {
    const { edges } = toFlowElements(graph, positions);
    const strokes = new Set(edges.map((e) => e.style?.stroke));
    expect(strokes.size).toBe(3);
  });

  it('tells a collapsed node how many descendants it hides', () => {
    const { nodes } = toFlowElements(graph, positions, new Map([['srv', 1]]));
    expect(nodes.find((n) => n.id === 'srv')?.data.hiddenCount).toBe(1);
    expect(nodes.find((n) => n.id === 'base')?.data.hiddenCount).toBeUndefined();
  });

  it('leaves out nodes without a position and the edges that touch them', () => {
    const partial = new Map([...positions].filter(([id]) => id !== 'snap'));
    const { nodes, edges } = toFlowElements(graph, partial);
    expect(nodes.map((n) => n.id)).not.toContain('snap');
    expect(edges.some((e) => e.target === 'snap' || e.source === 'snap')).toBe(false);
    expect(edges).toHaveLength(2);
  });

  it('with a cache, keeps the flow objects of nodes and edges that did not change, and only those', () => {
    const cache = emptyFlowCache();
    const first = toFlowElements(graph, positions, new Map(), cache);
    const renamed = { ...graph.nodes.get('snap')!, name: 'renamed' };
    const next = { ...graph, nodes: new Map(graph.nodes).set('snap', renamed) };
    const moved = new Map(positions).set('orphan', { x: 300, y: 200 });
    const second = toFlowElements(next, moved, new Map([['srv', 1]]), cache);
    const byId = (r: typeof first, id: string) => r.nodes.find((n) => n.id === id);
    expect(byId(second, 'base')).toBe(byId(first, 'base'));
    expect(byId(second, 'snap')).not.toBe(byId(first, 'snap'));
    expect(byId(second, 'snap')?.data.node.name).toBe('renamed');
    expect(byId(second, 'orphan')?.position).toEqual({ x: 300, y: 200 });
    expect(byId(second, 'srv')?.data.hiddenCount).toBe(1);
    expect(second.edges).toEqual(first.edges);
    second.edges.forEach((e, i) => expect(e).toBe(first.edges[i]));
  });
});
