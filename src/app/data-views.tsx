/**
 * The app's data views over one shared lineage model: the table, the insights, the inspector column and the
 * export bar. Each takes its props from the model here, so the features stay independent of each other.
 */
import { useMemo, type ReactNode } from 'react';
import { ErrorPanel } from '../components/error-panel';
import { PanelBoundary } from '../components/panel-boundary';
import { ExportMenu } from '../features/export/export-menu';
import { filterChoices } from '../features/lineage-graph/graph-filter';
import { GraphToolbar } from '../features/lineage-graph/graph-toolbar';
import { searchNodes } from '../features/lineage-graph/search';
import type { LineageGraph } from '../lineage/types';
import { loadingMessage } from '../lib/format-count';
import { InsightsView, InspectorPanel, TableView } from './lazy-views';
import { useLineageModel } from './lineage-model-context';

const RESOURCE_WORDS = { session: 'the session', images: 'images from Glance', servers: 'servers from Nova' };

/** Loading and error states shared by the data views; renders `children` once the lineage is built. */
function WithLineage({ children }: { children: (graph: LineageGraph, shown: LineageGraph) => ReactNode }) {
  const { cloud, graph, shown } = useLineageModel();
  if (cloud.failure)
    return (
      <ErrorPanel
        title={`Could not load ${RESOURCE_WORDS[cloud.failure.resource]}`}
        error={cloud.failure.error}
        onRetry={cloud.retry}
      />
    );
  if (!graph || !shown)
    return (
      <p role="status" className="p-4 text-sm text-slate-500">
        {loadingMessage({})}
      </p>
    );
  return <>{children(graph, shown)}</>;
}

/** The graph's search and filter bar over the shared URL state; a search match is selected. */
function FilterBar({ graph, shown }: { graph: LineageGraph; shown: LineageGraph }) {
  const { url } = useLineageModel();
  const choices = useMemo(() => filterChoices(graph), [graph]);
  const matches = useMemo(() => searchNodes(shown, url.query), [shown, url.query]);
  const matchIndex = url.selectedId ? matches.indexOf(url.selectedId) : -1;
  const nextMatch = (step: 1 | -1): void => {
    if (matches.length === 0) return;
    const i =
      matchIndex < 0
        ? step === 1
          ? 0
          : matches.length - 1
        : (matchIndex + step + matches.length) % matches.length;
    url.select(matches[i] ?? null);
  };
  return (
    <GraphToolbar
      query={url.query}
      matchCount={matches.length}
      matchIndex={matchIndex}
      filter={url.filter}
      choices={choices}
      shown={shown.nodes.size}
      total={graph.nodes.size}
      onQuery={url.setQuery}
      onNextMatch={nextMatch}
      onFilter={url.setFilter}
    />
  );
}

export function TableViewPanel() {
  const { url, cloud } = useLineageModel();
  return (
    <WithLineage>
      {(graph, shown) => (
        <div className="absolute inset-0 flex flex-col">
          <FilterBar graph={graph} shown={shown} />
          <div className="min-h-0 flex-1">
            <TableView
              graph={shown}
              full={graph}
              selectedId={url.selectedId}
              onSelect={url.select}
              viewer={cloud.input?.viewer}
            />
          </div>
        </div>
      )}
    </WithLineage>
  );
}

export function InsightsPanel() {
  const { cloud } = useLineageModel();
  return (
    <WithLineage>
      {(graph, shown) => (
        <div className="absolute inset-0 flex flex-col">
          <FilterBar graph={graph} shown={shown} />
          <div className="relative min-h-0 flex-1">
            <InsightsView graph={shown} viewer={cloud.input?.viewer} />
          </div>
        </div>
      )}
    </WithLineage>
  );
}

/** The inspector of the selected node, as a column right of the graph or the table, with its `actions`. */
export function InspectorColumn({ actions }: { actions?: ReactNode }) {
  const { graph, url } = useLineageModel();
  if (!url.selectedId || !graph) return null;
  return (
    <div className="w-[26rem] shrink-0 overflow-y-auto border-l border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900">
      <PanelBoundary key={url.selectedId} title="Could not show the inspector">
        <InspectorPanel graph={graph} selectedId={url.selectedId} onSelect={url.select} actions={actions} />
      </PanelBoundary>
    </div>
  );
}

/** Downloads of the filtered set; PNG and SVG only while the graph is on screen. */
export function ExportBar({ graphOnScreen }: { graphOnScreen: boolean }) {
  const { shown } = useLineageModel();
  if (!shown) return null;
  return (
    <PanelBoundary title="Could not show the export">
      <ExportMenu
        graph={shown}
        imageDisabledReason={graphOnScreen ? null : 'Switch to the graph view to export it as an image'}
      />
    </PanelBoundary>
  );
}
