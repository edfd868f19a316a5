import { describe, expect, it } from 'vitest';
import { initialFocus } from './initial-focus';
import { buildGraph, buildNode } from './testing/graph-builder';

describe('initialFocus', () => {
  const graph = buildGraph(
    ['r1', 'a', 'b', 'a1', 'r2'].map((id) => buildNode(id)),
    [
      ['r1', 'a', 'booted-from'],
      ['r1', 'b', 'booted-from'],
      ['a', 'a1', 'snapshot-of'],
    ],
  );

  it('shows the first family breadth first', () => {
    expect(initialFocus(graph)).toEqual(['r1', 'a', 'b', 'a1']);
  });

  it('stops at the limit', () => {
    expect(initialFocus(graph, 2)).toEqual(['r1', 'a']);
  });

  it('is empty for an empty graph', () => {
    expect(initialFocus(buildGraph([], []))).toEqual([]);
  });
});
