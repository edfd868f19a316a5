import { describe, expect, it } from 'vitest';
import { buildFlowModel, emptyFlowMemory } from './flow-model';
import {
  emptyLastWindow,
  keepUnchanged,
  nextWindow,
  revealStep,
  viewBox,
  windowAround,
  windowElements,
} from './flow-window';
import { emptyLookCache } from './highlight';
import { buildGraph, buildNode } from './testing/graph-builder';

describe('viewBox and nextWindow', () => {
  it('turns the viewport transform into the flow-plane box it shows', () => {
    expect(viewBox(-100, -50, 0.5, 800, 600)).toEqual({ minX: 200, minY: 100, maxX: 1800, maxY: 1300 });
  });

  it('keeps the window while the viewport stays inside it, and moves it once the viewport leaves', () => {
    const view = viewBox(0, 0, 1, 1000, 800);
    const first = nextWindow(null, view);
    expect(first).toEqual({ minX: -500, minY: -400, maxX: 1500, maxY: 1200 });
    expect(nextWindow(first, viewBox(-400, -300, 1, 1000, 800))).toBe(first);
    const moved = nextWindow(first, viewBox(-600, 0, 1, 1000, 800));
    expect(moved).toEqual(windowAround(viewBox(-600, 0, 1, 1000, 800)));
  });

  it('makes a smaller window after zooming in a long way', () => {
    const first = nextWindow(null, viewBox(0, 0, 0.2, 1000, 800));
    expect(nextWindow(first, viewBox(0, 0, 2, 1000, 800))).not.toBe(first);
  });
});

describe('windowElements', () => {
  // A parent with a child far below it and a leaf beside the parent.
  const graph = buildGraph(
    [
      buildNode('parent'),
      buildNode('near', { parentId: 'parent' }),
      buildNode('far', { parentId: 'parent' }),
    ],
    [
      ['parent', 'near', 'booted-from'],
      ['parent', 'far', 'booted-from'],
    ],
  );
  const model = buildFlowModel(
    graph,
    new Map([
      ['parent', { x: 0, y: 0 }],
      ['near', { x: 312, y: 0 }],
      ['far', { x: 312, y: 90_000 }],
    ]),
  );
  const none = { selectedId: null, related: new Set<string>() };

  it('hands over the nodes in the window, and the edges crossing it with both their ends', () => {
    const near = windowElements(model, { minX: 0, minY: 0, maxX: 600, maxY: 100 }, none, emptyLookCache());
    expect(near.edges.map((e) => e.id)).toEqual(['parent->near', 'parent->far']);
    expect(near.nodes.map((n) => n.id)).toEqual(['parent', 'near', 'far']);
    const between = { minX: 300, minY: 40_000, maxX: 600, maxY: 40_100 };
    const middle = windowElements(model, between, none, emptyLookCache());
    expect(middle.edges.map((e) => e.id)).toEqual(['parent->far']);
    expect(middle.nodes.map((n) => n.id)).toEqual(['parent', 'far']);
    const empty = windowElements(
      model,
      { minX: 5000, minY: 0, maxX: 6000, maxY: 100 },
      none,
      emptyLookCache(),
    );
    expect(empty).toEqual({ nodes: [], edges: [] });
  });

  it('reuses the flow objects of a model between windows, and marks the selected lineage', () => {
    const looks = emptyLookCache();
    const look = { selectedId: 'far', related: new Set(['parent', 'far']) };
    const a = windowElements(model, { minX: 0, minY: 0, maxX: 600, maxY: 100 }, look, looks);
    const b = windowElements(model, { minX: 0, minY: 0, maxX: 300, maxY: 100 }, look, looks);
    expect(b.nodes[0]).toBe(a.nodes[0]);
    expect(a.nodes.find((n) => n.id === 'far')).toMatchObject({ selected: true, className: 'is-related' });
    expect(a.nodes.find((n) => n.id === 'near')?.className).toBeUndefined();
    expect(a.edges.find((e) => e.id === 'parent->far')?.className).toBe('is-related');
  });

  it('hands React Flow the same arrays again when a rebuilt model shows the same objects there', () => {
    const at = (farY: number) =>
      new Map([
        ['parent', { x: 0, y: 0 }],
        ['near', { x: 312, y: 0 }],
        ['far', { x: 312, y: farY }],
      ]);
    const memory = emptyFlowMemory();
    const box = { minX: 0, minY: 0, maxX: 600, maxY: 100 };
    const last = emptyLastWindow();
    const first = keepUnchanged(
      last,
      windowElements(buildFlowModel(graph, at(90_000), undefined, memory), box, none, emptyLookCache()),
    );
    const rebuilt = windowElements(
      buildFlowModel(graph, at(90_000), undefined, memory),
      box,
      none,
      emptyLookCache(),
    );
    expect(rebuilt.nodes).not.toBe(first.nodes);
    const kept = keepUnchanged(last, rebuilt);
    expect(kept.nodes).toBe(first.nodes);
    expect(kept.edges).toBe(first.edges);
    // A node that moved is a new object: new nodes, while the edges (same ends, same kind) stay as they were.
    const moved = keepUnchanged(
      last,
      windowElements(buildFlowModel(graph, at(80_000), undefined, memory), box, none, emptyLookCache()),
    );
    expect(moved.nodes).not.toBe(first.nodes);
    expect(moved.nodes.find((n) => n.id === 'far')?.position.y).toBe(80_000);
    expect(moved.edges).toBe(first.edges);
  });
});

describe('revealStep', () => {
  const nodes = Array.from({ length: 30 }, (_, i) => buildNode(`n${i}`, i === 0 ? {} : { parentId: 'n0' }));
  const graph = buildGraph(
    nodes,
    nodes.slice(1).map((n): [string, string, 'booted-from'] => ['n0', n.id, 'booted-from']),
  );
  const model = buildFlowModel(graph, new Map(nodes.map((n, i) => [n.id, { x: 0, y: 100 * i }])));
  const all = windowElements(model, null, { selectedId: null, related: new Set() }, emptyLookCache());

  it('hands new nodes a dozen at a time, with only the edges between nodes handed', () => {
    const first = revealStep(all, new Set());
    expect(first.nodes.map((n) => n.id)).toEqual(nodes.slice(0, 12).map((n) => n.id));
    expect(first.edges).toHaveLength(11);
    expect(first.pending).toBe(true);
    const second = revealStep(all, new Set(first.nodes.map((n) => n.id)));
    expect(second.nodes).toHaveLength(24);
    const third = revealStep(all, new Set(second.nodes.map((n) => n.id)));
    expect(third).toEqual({ ...all, pending: false });
    expect(third.nodes).toBe(all.nodes);
  });

  it('keeps the nodes already handed and adds new ones in the window order', () => {
    const handed = new Set(['n5', 'n29']);
    const step = revealStep(all, handed, 2);
    expect(step.nodes.map((n) => n.id)).toEqual(['n0', 'n1', 'n5', 'n29']);
    expect(step.edges.map((e) => e.target)).toEqual(['n1', 'n5', 'n29']);
  });
});
