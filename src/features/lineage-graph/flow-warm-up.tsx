import { ReactFlow, ReactFlowProvider } from '@xyflow/react';

/**
 * An empty, hidden React Flow shown while the first pages load. React Flow's first mount (its store, d3
 * zoom, the renderer, and V8 compiling all of that) cost one task of 50 to 80 ms; done here, while the page
 * mostly waits for Glance, it no longer lands on the task that takes the first graph in, with the pages
 * arriving meanwhile. The real canvas replaces it.
 */
export function FlowWarmUp() {
  return (
    <div aria-hidden="true" className="pointer-events-none invisible absolute inset-0">
      <ReactFlowProvider>
        <ReactFlow nodes={[]} edges={[]} proOptions={{ hideAttribution: true }} />
      </ReactFlowProvider>
    </div>
  );
}
