import { formatCount } from '../../lib/format-count';
import { ReactFlowProvider } from '@xyflow/react';
import { memo, startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useCloudData } from '../../api/use-cloud-data';
import { useLoadProgress } from '../../api/load-progress';
import { loadingMessage } from '../../lib/format-count';
import { ErrorPanel } from '../../components/error-panel';
import { ancestorsOf, descendantsOf } from '../../lineage';
import type { LineageGraph, Viewer } from '../../lineage/types';
import { useTheme } from '../../lib/theme';
import { DataNotices } from './data-notices';
import { SelectionTools } from './selection-tools';
import { filterChoices, filterGraph } from './graph-filter';
import { GraphToolbar } from './graph-toolbar';
import { LineageCanvas, type Focus } from './lineage-canvas';
import { searchNodes } from './search';
import { NodeDisplayContext, nodeDisplayFor } from '../../lib/fact-display';
import { useGraphUrlState } from './use-graph-url-state';
import { EMPTY_FLOW_MODEL, EMPTY_GRAPH, useFlowView } from './use-lineage-view';

const RESOURCE_WORDS = { session: 'the session', images: 'images from Glance', servers: 'servers from Nova' };

/** The lineage graph of the whole cloud, with its own loading and error states. */
export function LineageGraphPanel() {
  const data = useCloudData();
  // A new graph is taken in by a transition render, which React splits between input events: the page's
  // first graph mounts its nodes, too much for one task while the next pages arrive.
  const input = useDeferredValue(data.input);
  const graph = useDeferredValue(data.graph);
  // Deferred with the graph, so the pair stays true to each other: the last partial graph is drawn as a big
  // one until the whole graph replaces it.
  const growing = useDeferredValue(data.partial);
  if (data.failure)
    return (
      <ErrorPanel
        title={`Could not load ${RESOURCE_WORDS[data.failure.resource]}`}
        error={data.failure.error}
        onRetry={data.retry}
      />
    );
  const loading = !input || !graph;
  return (
    <LineageGraphView
      viewer={input?.viewer}
      graph={loading ? EMPTY_GRAPH : graph}
      loading={loading}
      growing={growing}
      deletedServersError={data.deletedServersError}
    />
  );
}

function LoadingStatus() {
  const message = loadingMessage(useLoadProgress());
  return (
    <p role="status" className={NOTICE}>
      {message}
    </p>
  );
}

/** A line over the canvas (loading, laying out, nothing to show). */
const NOTICE = 'absolute left-0 top-0 z-10 p-4 text-sm text-slate-500';

/**
 * The graph, its toolbar and notices. A memo: the panel above re-renders, synchronously, on every change of
 * the listings' queries (a page, a fetch state), with the graph it shows unchanged; without the memo each of
 * those re-rendered the toolbar and React Flow's whole canvas (40 to 120 ms at 50,000 images).
 *
 * The canvas is mounted, empty, while the first pages load (`loading`), and stays the same canvas when the
 * first graph comes, which then only hands it nodes (mounting React Flow was part of the first graph's task).
 */
const LineageGraphView = memo(function LineageGraphView({
  viewer,
  graph,
  loading,
  growing,
  deletedServersError,
}: {
  viewer: Viewer | undefined;
  graph: LineageGraph;
  loading: boolean;
  /** More pages are coming (the graph is part of the cloud). */
  growing: boolean;
  deletedServersError: unknown;
}) {
  const url = useGraphUrlState();
  const { selectedId } = url;
  const shownGraph = useMemo(() => filterGraph(graph, url.filter), [graph, url.filter]);
  const view = useFlowView(shownGraph, url.collapsed);
  /** A new filter remounts the canvas, so the view fits what the filter shows. */
  const filterKey = JSON.stringify(url.filter);
  const choices = useMemo(() => filterChoices(graph), [graph]);
  const theme = useTheme();
  /**
   * The canvas mounts in a transition after the view's first commit: React then splits its render between
   * tasks, and its effects (React Flow's store set-up, its first measures) run in a task of their own.
   * Mounted with the view, in the same synchronous render, it all was one task of 90 to 140 ms.
   */
  const [canvasOn, setCanvasOn] = useState(false);
  useEffect(() => startTransition(() => setCanvasOn(true)), []);

  const matches = useMemo(() => searchNodes(shownGraph, url.query), [shownGraph, url.query]);
  const [focus, setFocus] = useState<Focus | null>(() => (selectedId ? { id: selectedId, seq: 0 } : null));
  const matchIndex = selectedId ? matches.indexOf(selectedId) : -1;

  const goTo = (id: string): void => {
    url.select(id);
    setFocus((f) => ({ id, seq: (f?.seq ?? 0) + 1 }));
  };
  const nextMatch = (step: 1 | -1): void => {
    if (matches.length === 0) return;
    const i =
      matchIndex < 0
        ? step === 1
          ? 0
          : matches.length - 1
        : (matchIndex + step + matches.length) % matches.length;
    goTo(matches[i] as string);
  };

  const selected = selectedId ? graph.nodes.get(selectedId) : undefined;
  const related = useMemo(
    () =>
      selectedId && shownGraph.nodes.has(selectedId)
        ? new Set([
            selectedId,
            ...ancestorsOf(shownGraph, selectedId),
            ...descendantsOf(shownGraph, selectedId),
          ])
        : new Set<string>(),
    [shownGraph, selectedId],
  );

  const notice = loading ? (
    <LoadingStatus />
  ) : graph.nodes.size === 0 ? (
    <p className={NOTICE}>This cloud has no images or servers the session can see.</p>
  ) : view === null ? (
    <p role="status" className={NOTICE}>
      Laying out {formatCount(shownGraph.nodes.size)} nodes…
    </p>
  ) : view.placed.length === 0 ? (
    <p className={NOTICE}>Nothing matches the filters.</p>
  ) : null;

  // One element tree from loading to loaded, so React keeps the canvas (a different parent would remount it).
  const canvas = (
    <ReactFlowProvider key={filterKey}>
      <LineageCanvas
        model={view ?? EMPTY_FLOW_MODEL}
        selectedId={selectedId}
        related={related}
        focus={focus}
        colorMode={theme}
        growing={growing}
        onSelect={url.select}
        onToggleCollapsed={url.toggleCollapsed}
      />
    </ReactFlowProvider>
  );
  return (
    <div className="absolute inset-0 flex flex-col">
      {/* The toolbar is there while the first pages load: the canvas below keeps its size when they come. */}
      <GraphToolbar
        query={url.query}
        matchCount={matches.length}
        matchIndex={matchIndex}
        filter={url.filter}
        choices={choices}
        shown={shownGraph.nodes.size}
        total={graph.nodes.size}
        onQuery={url.setQuery}
        onNextMatch={nextMatch}
        onFilter={url.setFilter}
      >
        {selected ? (
          <SelectionTools
            name={selected.name}
            childCount={shownGraph.children.get(selected.id)?.length ?? 0}
            collapsed={url.collapsed.has(selected.id)}
            onToggleCollapsed={() => url.toggleCollapsed(selected.id)}
          />
        ) : null}
      </GraphToolbar>
      {loading ? null : <DataNotices problems={graph.problems} deletedServersError={deletedServersError} />}
      <div className="relative min-h-0 flex-1">
        {canvasOn ? (
          <NodeDisplayContext.Provider value={nodeDisplayFor(viewer)}>{canvas}</NodeDisplayContext.Provider>
        ) : null}
        {notice}
      </div>
    </div>
  );
});
