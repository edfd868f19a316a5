import { ReactFlowProvider } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { useCloudData } from '../../api/use-cloud-data';
import { ErrorPanel } from '../../components/error-panel';
import { ancestorsOf, descendantsOf } from '../../lineage/traverse';
import type { LineageInput } from '../../lineage/types';
import { DetailsPanel } from './details-panel';
import { highlightEdges, highlightNodes } from './highlight';
import { LineageCanvas } from './lineage-canvas';
import { useLineageView } from './use-lineage-view';

const RESOURCE_WORDS = { session: 'the session', images: 'images from Glance', servers: 'servers from Nova' };

/** The lineage graph of the whole cloud, with its own loading and error states. */
export function LineageGraphPanel() {
  const data = useCloudData();
  if (data.failure)
    return (
      <ErrorPanel
        title={`Could not load ${RESOURCE_WORDS[data.failure.resource]}`}
        error={data.failure.error}
        onRetry={data.retry}
      />
    );
  if (!data.input)
    return (
      <p role="status" className="p-4 text-sm text-slate-500">
        Loading images and servers…
      </p>
    );
  return <LineageGraphView input={data.input} />;
}

function LineageGraphView({ input }: { input: LineageInput }) {
  const view = useLineageView(input);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = selectedId ? view.graph.nodes.get(selectedId) : undefined;

  const related = useMemo(
    () =>
      selectedId && view.graph.nodes.has(selectedId)
        ? new Set([selectedId, ...ancestorsOf(view.graph, selectedId), ...descendantsOf(view.graph, selectedId)])
        : new Set<string>(),
    [view.graph, selectedId],
  );
  const nodes = useMemo(() => highlightNodes(view.nodes, selectedId, related), [view.nodes, selectedId, related]);
  const edges = useMemo(() => highlightEdges(view.edges, related), [view.edges, related]);

  if (view.nodes.length === 0)
    return <p className="p-4 text-sm text-slate-500">This cloud has no images or servers the session can see.</p>;

  return (
    <div className="absolute inset-0">
      <ReactFlowProvider>
        <LineageCanvas
          nodes={nodes}
          edges={edges}
          initialFocus={view.initialFocus}
          focusId={null}
          hasSelection={selected !== undefined}
          colorMode="light"
          onSelect={setSelectedId}
        />
      </ReactFlowProvider>
      {selected ? (
        <DetailsPanel
          node={selected}
          parent={selected.parentId ? view.graph.nodes.get(selected.parentId) : undefined}
          onClose={() => setSelectedId(null)}
        />
      ) : null}
    </div>
  );
}
