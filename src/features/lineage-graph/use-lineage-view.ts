import { startTransition, useEffect, useMemo, useState } from 'react';
import { builtPackedLayout, GRAPH_LAYOUT } from '../../api/graph-layout';
import { descendantsOf, layoutTree } from '../../lineage';
import { sharedLineage } from '../../lib/shared-lineage';
import type { LineageGraph, LineageInput } from '../../lineage/types';
import {
  buildFlowModel,
  emptyFlowMemory,
  flowModelSteps,
  type FlowMemory,
  type FlowModel,
} from './flow-model';

export const LAYOUT_OPTIONS = GRAPH_LAYOUT;

/** The lineage of the fetched data, built once per data change and shared with the other views. */
export function useLineageGraph(input: LineageInput): LineageGraph {
  return useMemo(() => timed('glance-lineage:build', () => sharedLineage(input)), [input]);
}

/** Runs `fn` under a User Timing measure, so browser benchmarks and devtools can read the cost. */
function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

/**
 * From this many nodes, a new graph with the worker's layout has its flow model built in slices: every graph
 * the worker builds has more. A build in the render costs 20 to 40 ms at 2,500 nodes, and a transition render
 * that an update interrupts is started again, build and all (a first graph was built up to 9 times so).
 */
export const SLICED_FLOW_FROM = 1_000;
/** How long one slice of a sliced build may run before it lets input and rendering in. */
const SLICE_MS = 8;

/** A graph with no node: what the canvas shows before the first pages are in. */
export const EMPTY_GRAPH: LineageGraph = {
  nodes: new Map(),
  edges: [],
  children: new Map(),
  roots: [],
  problems: [],
};

/** The model of a graph with no node: the canvas before the first pages are in, or of an empty cloud. */
export const EMPTY_FLOW_MODEL: FlowModel = buildFlowModel(EMPTY_GRAPH, new Map());

/**
 * Layout and flow model of a (possibly filtered) graph with some subtrees collapsed. The layout the lineage
 * worker made with a big graph is used as it is; flow objects of nodes and edges that did not change since
 * the previous graph are reused (so a graph rebuilt while pages arrive costs React Flow little).
 *
 * A big graph with the worker's layout and nothing collapsed has its model built in slices of a few ms, in
 * tasks of their own: at 50,000 images one build in a single task would hold the page for ~80 ms. While a
 * rebuild (pages arriving, a refresh) is sliced the previous model stays on screen; a first big graph (a
 * cache restored on reload brings all 50,000 at once) is null until its model is ready. A collapse, or a
 * filtered graph, is built at once (what it shows must follow the click).
 */
export function useFlowView(graph: LineageGraph, collapsed: ReadonlySet<string>): FlowModel | null {
  /** One per view, kept across renders (buildFlowModel replaces its contents). */
  const [memory] = useState((): ViewMemory => ({ ...emptyFlowMemory(), packed: false }));
  /** Set when a sliced build finished (the render then shows memory.model). */
  const [, setBuilt] = useState<FlowModel | null>(null);
  const now = useMemo(
    () =>
      // An empty graph leaves the memory alone: the first graph after it is still a first graph.
      graph.nodes.size === 0
        ? EMPTY_FLOW_MODEL
        : slicing(graph, collapsed, memory)
          ? null
          : flowModelNow(graph, collapsed, memory),
    [graph, collapsed, memory],
  );
  useEffect(() => {
    if (now) return;
    const packed = builtPackedLayout(graph);
    if (!packed) return;
    const steps = flowModelSteps(graph, packed, new Map(), memory);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const slice = (): void => {
      timer = null;
      const start = performance.now();
      for (;;) {
        const r = steps.next();
        if (r.done) {
          performance.measure('glance-lineage:layout-slices', { start, end: performance.now() });
          memory.packed = true;
          // A transition: the canvas takes the model in over tasks React splits, after input events.
          startTransition(() => setBuilt(r.value));
          return;
        }
        if (performance.now() - start > SLICE_MS) break;
      }
      timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    return () => {
      if (timer !== null) clearTimeout(timer);
    };
  }, [now, graph, memory]);
  return now ?? memory.model ?? null;
}

interface ViewMemory extends FlowMemory {
  /** memory.model was laid out by the worker, nothing collapsed (not a filtered graph, not a collapse). */
  packed: boolean;
}

/**
 * Whether the model of `graph` is built in slices: a big graph with the worker's layout, first or after a
 * model of the same kind (so leaving a filter or a collapse never shows the filtered or collapsed model
 * meanwhile).
 */
function slicing(graph: LineageGraph, collapsed: ReadonlySet<string>, memory: ViewMemory): boolean {
  return (
    (memory.model === undefined || memory.packed) &&
    collapsed.size === 0 &&
    graph.nodes.size >= SLICED_FLOW_FROM &&
    builtPackedLayout(graph) !== undefined
  );
}

function flowModelNow(graph: LineageGraph, collapsed: ReadonlySet<string>, memory: ViewMemory): FlowModel {
  return timed('glance-lineage:layout', () => {
    // The worker's layout, as it came: nothing is collapsed, so no node hides others.
    const packed = collapsed.size === 0 ? builtPackedLayout(graph) : undefined;
    memory.packed = packed !== undefined;
    if (packed) return buildFlowModel(graph, packed, new Map(), memory);
    const layout = layoutTree(graph, { ...LAYOUT_OPTIONS, collapsed });
    const hidden = new Map<string, number>();
    for (const id of collapsed) {
      if (layout.positions.has(id)) hidden.set(id, descendantsOf(graph, id).length);
    }
    return buildFlowModel(graph, layout.positions, hidden, memory);
  });
}
