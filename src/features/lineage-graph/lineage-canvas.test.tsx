import { ReactFlowProvider } from '@xyflow/react';
import { render, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildFlowModel } from './flow-model';
import { LineageCanvas } from './lineage-canvas';
import { buildGraph, buildNode } from './testing/graph-builder';

/** A small graph: 40 images in one column. */
function smallModel() {
  const nodes = Array.from({ length: 40 }, (_, i) => buildNode(`img-${i}`));
  const graph = buildGraph(nodes, []);
  return buildFlowModel(graph, new Map(nodes.map((n, i) => [n.id, { x: 0, y: i * 100 }])));
}

function Canvas({ growing }: { growing: boolean }) {
  return (
    <ReactFlowProvider>
      <div style={{ width: 800, height: 400 }}>
        <LineageCanvas
          model={smallModel()}
          selectedId={null}
          related={new Set()}
          focus={null}
          colorMode="light"
          growing={growing}
          onSelect={() => undefined}
          onToggleCollapsed={() => undefined}
        />
      </div>
    </ReactFlowProvider>
  );
}

describe('LineageCanvas', () => {
  // jsdom draws nothing on a <canvas> (the overview): it has no 2D context.
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });

  it('draws a small graph with React Flow’s minimap and its fit-view button', async () => {
    const { container } = render(<Canvas growing={false} />);
    await waitFor(() => expect(container.querySelector('.react-flow__minimap')).not.toBeNull());
    expect(container.querySelector('.react-flow__controls-fitview')).not.toBeNull();
  });

  it('draws a graph that is still growing as a big one, whatever its size so far', async () => {
    const { container } = render(<Canvas growing />);
    await waitFor(() => expect(container.querySelector('canvas[aria-label="Overview map"]')).not.toBeNull());
    expect(container.querySelector('.react-flow__minimap')).toBeNull();
    expect(container.querySelector('.react-flow__controls-fitview')).toBeNull();
  });
});
