import { describe, expect, it } from 'vitest';
import { packLayout } from '../../api/lineage-transfer';
import { buildFlowModel, emptyFlowMemory, FLOW_STEP, flowModelSteps, type FlowModel } from './flow-model';
import { windowElements } from './flow-window';
import { emptyLookCache } from './highlight';
import { buildGraph, buildNode } from './testing/graph-builder';
import { NODE_HEIGHT, NODE_WIDTH } from './to-flow-elements';

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

/** Every flow node and edge of a model (no culling, nothing selected). */
function all(model: FlowModel) {
  return windowElements(model, null, { selectedId: null, related: new Set() }, emptyLookCache());
}

describe('buildFlowModel', () => {
  it('places every laid-out node at its layout position as a pre-measured lineage node', () => {
    const { nodes } = all(buildFlowModel(graph, positions));
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
    const { edges } = all(buildFlowModel(graph, positions));
    expect(edges.map((e) => [e.source, e.target, e.data?.kind])).toEqual([
      ['base', 'srv', 'booted-from'],
      ['srv', 'snap', 'snapshot-of'],
      ['base', 'orphan', 'root-only'],
    ]);
    expect(edges.find((e) => e.data?.kind === 'root-only')?.label).toBe('generations unknown');
    expect(edges.find((e) => e.data?.kind === 'booted-from')?.label).toBeUndefined();
  });

  it('gives each edge kind its own stroke', () => {
    const { edges } = all(buildFlowModel(graph, positions));
    const strokes = new Set(edges.map((e) => e.style?.stroke));
    expect(strokes.size).toBe(3);
  });

  it('tells a collapsed node how many descendants it hides', () => {
    const { nodes } = all(buildFlowModel(graph, positions, new Map([['srv', 1]])));
    expect(nodes.find((n) => n.id === 'srv')?.data.hiddenCount).toBe(1);
    expect(nodes.find((n) => n.id === 'base')?.data.hiddenCount).toBeUndefined();
  });

  it('leaves out nodes without a position and the edges that touch them', () => {
    const partial = new Map([...positions].filter(([id]) => id !== 'snap'));
    const model = buildFlowModel(graph, partial);
    const { nodes, edges } = all(model);
    expect(nodes.map((n) => n.id)).not.toContain('snap');
    expect(edges.some((e) => e.target === 'snap' || e.source === 'snap')).toBe(false);
    expect(edges).toHaveLength(2);
    expect(model.bounds).toEqual({ minX: 0, minY: 0, maxX: 300 + NODE_WIDTH, maxY: 100 + NODE_HEIGHT });
  });

  it("keeps the previous model's flow objects of nodes and edges that did not change, and only those", () => {
    const memory = emptyFlowMemory();
    const first = all(buildFlowModel(graph, positions, new Map(), memory));
    const renamed = { ...graph.nodes.get('snap')!, name: 'renamed' };
    const next = { ...graph, nodes: new Map(graph.nodes).set('snap', renamed) };
    const moved = new Map(positions).set('orphan', { x: 300, y: 200 });
    const second = all(buildFlowModel(next, moved, new Map([['srv', 1]]), memory));
    const byId = (r: typeof first, id: string) => r.nodes.find((n) => n.id === id);
    expect(byId(second, 'base')).toBe(byId(first, 'base'));
    expect(byId(second, 'snap')).not.toBe(byId(first, 'snap'));
    expect(byId(second, 'snap')?.data.node.name).toBe('renamed');
    expect(byId(second, 'orphan')?.position).toEqual({ x: 300, y: 200 });
    expect(byId(second, 'srv')?.data.hiddenCount).toBe(1);
    expect(second.edges).toEqual(first.edges);
    second.edges.forEach((e, i) => expect(e).toBe(first.edges[i]));
  });

  it('makes the flow object of a node once, when it is first asked for', () => {
    const memory = emptyFlowMemory();
    const model = buildFlowModel(graph, positions, new Map(), memory);
    expect(memory.last?.nodes.size).toBe(0);
    const a = model.flowNode(1);
    expect(model.flowNode(1)).toBe(a);
    expect(memory.last?.nodes.size).toBe(1);
  });

  it("takes the worker's packed layout (positions and edge ends by node index) the same as a position map", () => {
    const partial = new Map([...positions].filter(([id]) => id !== 'snap'));
    const packed = packLayout(graph, { positions: partial, width: 900, height: 200 });
    const fromMap = buildFlowModel(graph, partial);
    const fromPacked = buildFlowModel(graph, packed);
    expect(all(fromPacked)).toEqual(all(fromMap));
    expect(fromPacked.ends).toEqual(fromMap.ends);
    expect(fromPacked.indexOf('orphan')).toBe(2);
    expect(fromPacked.indexOf('snap')).toBeUndefined();
  });

  it('builds a big model in steps, telling the memory only at the end (a build given up leaves it alone)', () => {
    const n = 2 * FLOW_STEP + 10;
    const nodes = Array.from({ length: n }, (_, i) =>
      buildNode(`n${i}`, i === 0 ? {} : { parentId: `n${i - 1}` }),
    );
    const edges = nodes
      .slice(1)
      .map((node, i): [string, string, 'booted-from'] => [`n${i}`, node.id, 'booted-from']);
    const big = buildGraph(nodes, edges);
    const at = new Map(nodes.map((node, i) => [node.id, { x: 0, y: 100 * i }]));
    const packed = packLayout(big, { positions: at, width: 200, height: 100 * n });
    const memory = emptyFlowMemory();
    const whole = buildFlowModel(big, packed, new Map(), memory);
    expect(memory.model).toBe(whole);

    const steps = flowModelSteps(big, packed, new Map(), memory);
    let pauses = 0;
    let r = steps.next();
    expect(r.done).toBe(false);
    expect(memory.model).toBe(whole);
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    expect(pauses).toBeGreaterThan(2);
    const sliced = r.value;
    expect(memory.model).toBe(sliced);
    expect(sliced.ends).toEqual(whole.ends);
    expect(sliced.bounds).toEqual(whole.bounds);
    // Nothing moved: the placed nodes of the previous model are kept, not made again.
    sliced.placed.forEach((p, i) => expect(p).toBe(whole.placed[i]));
    expect(sliced.nodeGrid.size).toBe(n);
  });
});
