import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { edgeTypes } from '../node-types';
import { buildNode } from '../testing/graph-builder';
import { flowEdge, flowNode } from '../to-flow-elements';

/** React Flow with two nodes (no node types: the default node is enough to join an edge to). */
function Flow({ kind, related = false }: { kind: 'root-only' | 'booted-from'; related?: boolean }) {
  const a = { ...flowNode(buildNode('a'), { x: 0, y: 0 }, undefined), type: undefined };
  const b = { ...flowNode(buildNode('b'), { x: 400, y: 0 }, undefined), type: undefined };
  const edge = flowEdge('a->b', 'a', 'b', kind);
  return (
    <ReactFlowProvider>
      <div style={{ width: 800, height: 400 }}>
        <ReactFlow
          nodes={[a, b]}
          edges={[related && edge.data ? { ...edge, data: { ...edge.data, related } } : edge]}
          edgeTypes={edgeTypes}
        />
      </div>
    </ReactFlowProvider>
  );
}

describe('LabelledEdge', () => {
  it('writes a rare kind in HTML over the canvas, not as an SVG label React Flow measures', async () => {
    const { container } = render(<Flow kind="root-only" />);
    const label = await screen.findByText('generations unknown');
    expect(label).toHaveClass('lineage-edge-label');
    expect(label).not.toHaveClass('is-related');
    expect(label.closest('.react-flow__edgelabel-renderer')).not.toBeNull();
    expect(container.querySelector('.react-flow__edge-text')).toBeNull();
    expect(container.querySelector('.react-flow__edge-labelled path')).not.toBeNull();
  });

  it('marks the label of an edge in the selected lineage, and draws common kinds without words', async () => {
    const { unmount } = render(<Flow kind="root-only" related />);
    expect(await screen.findByText('generations unknown')).toHaveClass('is-related');
    unmount();
    const { container } = render(<Flow kind="booted-from" />);
    await waitFor(() => expect(container.querySelector('.react-flow__edge-smoothstep')).not.toBeNull());
    expect(container.querySelector('.lineage-edge-label')).toBeNull();
  });
});
