import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { rememberLayout } from '../../api/graph-layout';
import { packLayout } from '../../api/lineage-transfer';
import type { LineageGraph } from '../../lineage/types';
import { buildGraph, buildNode } from './testing/graph-builder';
import { SLICED_FLOW_FROM, useFlowView } from './use-lineage-view';

/** A chain of `n` nodes with the worker's packed layout remembered, like a graph the lineage worker sent. */
function workerGraph(n: number, name: string): LineageGraph {
  const nodes = Array.from({ length: n }, (_, i) =>
    buildNode(`n${i}`, { name: `${name}-${i}`, ...(i === 0 ? {} : { parentId: `n${i - 1}` }) }),
  );
  const edges = nodes
    .slice(1)
    .map((node, i): [string, string, 'booted-from'] => [`n${i}`, node.id, 'booted-from']);
  const graph = buildGraph(nodes, edges);
  const at = new Map(nodes.map((node, i) => [node.id, { x: 0, y: 100 * i }]));
  rememberLayout(graph, packLayout(graph, { positions: at, width: 200, height: 100 * n }));
  return graph;
}

const NONE: ReadonlySet<string> = new Set();

describe('useFlowView', () => {
  it('keeps the previous model of a big graph on screen while the next one is built in slices', async () => {
    const first = workerGraph(SLICED_FLOW_FROM, 'a');
    const { result, rerender } = renderHook(({ graph, collapsed }) => useFlowView(graph, collapsed), {
      initialProps: { graph: first, collapsed: NONE },
    });
    // The first big graph is sliced too: nothing to show until its model is ready.
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current?.placed.length).toBe(SLICED_FLOW_FROM));
    const firstModel = result.current;
    expect(firstModel?.placed[0]?.node).toBe(first.nodes.get('n0'));

    const second = workerGraph(SLICED_FLOW_FROM + 5, 'b');
    rerender({ graph: second, collapsed: NONE });
    expect(result.current).toBe(firstModel);
    await waitFor(() => expect(result.current?.placed.length).toBe(SLICED_FLOW_FROM + 5));
    expect(result.current?.placed[0]?.node).toBe(second.nodes.get('n0'));
  });

  it('builds a collapse at once, and the graph after a collapse too', async () => {
    const graph = workerGraph(SLICED_FLOW_FROM, 'a');
    const { result, rerender } = renderHook(({ graph: g, collapsed }) => useFlowView(g, collapsed), {
      initialProps: { graph, collapsed: NONE },
    });
    await waitFor(() => expect(result.current?.placed.length).toBe(SLICED_FLOW_FROM));
    rerender({ graph, collapsed: new Set(['n1']) });
    expect(result.current?.placed.length).toBe(2);
    rerender({ graph, collapsed: NONE });
    expect(result.current?.placed.length).toBe(SLICED_FLOW_FROM);
  });
});
