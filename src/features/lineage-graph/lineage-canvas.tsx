import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  getViewportForBounds,
  useReactFlow,
  type ColorMode,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LineageNode } from '../../lineage/types';
import { EdgeLegend } from './edge-legend';
import { EdgeMarkers } from './edge-markers';
import type { FlowModel } from './flow-model';
import { initialViewport } from './initial-viewport';
import { isNavKey, neighbourOf, type NavNode } from './keyboard-nav';
import { OverviewCanvas } from './overview-canvas';
import { edgeTypes, nodeTypes } from './node-types';
import { NODE_HEIGHT, NODE_WIDTH, type LineageFlowEdge, type LineageFlowNode } from './to-flow-elements';
import { useFlowWindow } from './use-flow-window';

export interface Focus {
  id: string;
  seq: number;
}

interface LineageCanvasProps {
  /** Every laid-out node and edge; React Flow is handed the part near the viewport. */
  model: FlowModel;
  selectedId: string | null;
  /** The selected node and its lineage (ancestors and descendants), highlighted. */
  related: ReadonlySet<string>;
  /** A node to bring into view (search result, URL selection); a new `seq` pans again. */
  focus: Focus | null;
  colorMode: ColorMode;
  /**
   * Pages are still arriving: the graph is drawn as a big one whatever its size so far, so a first graph of a
   * few hundred nodes is not handed to React Flow whole (a big cloud's next graph is big anyway).
   */
  growing?: boolean;
  onSelect: (id: string | null) => void;
  /** Double-click folds or unfolds a node's subtree. */
  onToggleCollapsed: (id: string) => void;
}

/**
 * Above this many nodes the graph counts as big: React Flow is handed only the nodes and edges near the
 * viewport (use-flow-window.ts), the SVG MiniMap (one element per node it holds) gives way to a canvas
 * overview of every node, and neither "fit view" nor zooming far out is offered, because every node in view
 * is mounted (10,000 mounted nodes take ~20 s and pan at ~1 fps, STACK.md §4).
 */
export const BIG_GRAPH = 1500;
/** At this zoom a 1280×720 view holds a few hundred nodes at most. */
export const BIG_GRAPH_MIN_ZOOM = 0.15;
const MIN_ZOOM = 0.02;

const MINIMAP_COLORS: Record<string, string> = {
  image: '#0284c7',
  snapshot: '#0d9488',
  backup: '#0e7490',
  golden: '#eab308',
  'volume-snapshot': '#6366f1',
  server: '#64748b',
  'missing-image': '#ef4444',
  'missing-server': '#ef4444',
};

function kindColor(n: LineageNode): string {
  return MINIMAP_COLORS[n.kind] ?? '#94a3b8';
}

function miniMapColor(n: LineageFlowNode): string {
  return kindColor(n.data.node);
}

export function LineageCanvas(props: LineageCanvasProps) {
  const { model, selectedId, related, focus, colorMode, growing, onSelect, onToggleCollapsed } = props;
  const big = growing === true || model.placed.length > BIG_GRAPH;
  const empty = model.placed.length === 0;
  const look = useMemo(() => ({ selectedId, related }), [selectedId, related]);
  /**
   * The view has been set for a model with nodes (below). Until then React Flow is handed no node: they
   * would mount at the default viewport, then move.
   */
  const [viewSet, setViewSet] = useState(false);
  const { nodes, edges } = useFlowWindow(model, look, big, viewSet);

  const flow = useReactFlow<LineageFlowNode, LineageFlowEdge>();

  /** React Flow's viewport is set up (onInit); the canvas may have mounted before the first graph came. */
  const [ready, setReady] = useState(false);
  const container = useRef<HTMLDivElement>(null);

  /** Where a node is laid out (it may be far from the viewport, and so not in React Flow's store). */
  const placeOf = useCallback(
    (id: string) => {
      const i = model.indexOf(id);
      return i === undefined ? undefined : model.placed[i];
    },
    [model],
  );

  const centerOn = useCallback(
    (id: string): boolean => {
      const node = placeOf(id);
      if (!node) return false;
      const zoom = Math.max(flow.getZoom(), 0.8);
      void flow.setCenter(node.x + NODE_WIDTH / 2, node.y + NODE_HEIGHT / 2, { zoom, duration: 200 });
      return true;
    },
    [flow, placeOf],
  );

  /** Pans to a node the keyboard moved to, when it is (partly) out of view. */
  const reveal = useCallback(
    (id: string): void => {
      const node = placeOf(id);
      const box = container.current;
      if (!node || !box) return;
      const { x, y, zoom } = flow.getViewport();
      const left = node.x * zoom + x;
      const top = node.y * zoom + y;
      const inside =
        left >= 0 &&
        top >= 0 &&
        left + NODE_WIDTH * zoom <= box.clientWidth &&
        top + NODE_HEIGHT * zoom <= box.clientHeight;
      if (!inside) centerOn(id);
    },
    [flow, centerOn, placeOf],
  );

  /** Moves keyboard focus to a node once React Flow has rendered it (it renders only what is in view). */
  const pendingFocus = useRef<string | null>(null);
  const focusNode = useCallback((id: string): void => {
    pendingFocus.current = id;
    let tries = 0;
    const tick = (): void => {
      if (pendingFocus.current !== id) return;
      const el = container.current?.querySelector<HTMLElement>(
        `.react-flow__node[data-id="${CSS.escape(id)}"]`,
      );
      if (el) {
        el.focus({ preventScroll: true });
        pendingFocus.current = null;
      } else if (tries++ < 60) requestAnimationFrame(tick);
      else pendingFocus.current = null;
    };
    requestAnimationFrame(tick);
  }, []);

  /** What the arrow keys move over: every node on the canvas, made at the first key press of a model. */
  const nav = useRef<{ model: FlowModel; nodes: NavNode[] } | null>(null);
  const navNodes = (): NavNode[] => {
    if (nav.current?.model !== model)
      nav.current = {
        model,
        nodes: model.placed.map((p) => ({ id: p.id, parentId: p.node.parentId, y: p.y })),
      };
    return nav.current.nodes;
  };
  const hasLineage = related.size > 0;

  /** Zooms to the selected node and its lineage, wherever they are (not only the part React Flow holds). */
  const fitToSelection = (): void => {
    const box = container.current;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const id of related) {
      const p = placeOf(id);
      if (!p) continue;
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x + NODE_WIDTH);
      maxY = Math.max(maxY, p.y + NODE_HEIGHT);
    }
    if (!box || minX === Infinity) return;
    const viewport = getViewportForBounds(
      { x: minX, y: minY, width: maxX - minX, height: maxY - minY },
      box.clientWidth,
      box.clientHeight,
      big ? BIG_GRAPH_MIN_ZOOM : MIN_ZOOM,
      1.2,
      0.15,
    );
    void flow.setViewport(viewport, { duration: 200 });
  };

  /**
   * Keyboard users: Tab to a node; arrows move the selection along the lineage (← parent, → first child,
   * ↑/↓ siblings), Enter or Space selects the focused node, Escape clears the selection.
   */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (!(e.target instanceof HTMLElement)) return;
    const onNode = e.target.closest('.react-flow__node')?.getAttribute('data-id') ?? null;
    // A key pressed before focus reached the node the last key moved to goes on from that node.
    const focusedId = onNode !== null ? (pendingFocus.current ?? onNode) : null;
    if (e.key === 'Escape') {
      if (selectedId === null) return;
      e.preventDefault();
      // React Flow's own Escape would blur the node: the keyboard stays where it was.
      e.stopPropagation();
      onSelect(null);
      // The inspector column closes and the canvas widens: keep the keyboard where it was.
      if (focusedId !== null) focusNode(focusedId);
      return;
    }
    if (focusedId === null) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(focusedId);
      return;
    }
    if (!isNavKey(e.key) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    e.stopPropagation();
    const next = neighbourOf(navNodes(), focusedId, e.key);
    if (next === null) return;
    onSelect(next);
    reveal(next);
    focusNode(next);
  };

  /**
   * The first model with nodes sets the view: on the node to focus, or where initialViewport says. In an
   * effect after the commit that brought the model, and the nodes only once it is set, in later tasks. Set in
   * a layout effect, the viewport's synchronous store update is rendered in the commit's own task, and React
   * first runs the commit's pending effects there (React Flow taking the nodes in): traced loads at 50,000
   * images had one React task of 70 to 125 ms (start to end) so.
   */
  useEffect(() => {
    if (!ready || viewSet || model.placed.length === 0) return;
    const target = focus ? placeOf(focus.id) : undefined;
    const box = container.current;
    const size = { width: box?.clientWidth ?? 1024, height: box?.clientHeight ?? 768 };
    const placing = target
      ? flow.setCenter(target.x + NODE_WIDTH / 2, target.y + NODE_HEIGHT / 2, {
          zoom: Math.max(flow.getZoom(), 0.8),
        })
      : flow.setViewport(initialViewport(model.placed, size));
    let live = true;
    void placing.then(() => {
      if (live) setViewSet(true);
    });
    return () => {
      live = false;
    };
  }, [ready, viewSet, model, focus, placeOf, flow]);

  useEffect(() => {
    if (!focus || !ready) return;
    // Selecting a node can open a side column and narrow the canvas; center once React Flow has the new size.
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => centerOn(focus.id));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [focus, centerOn, ready]);

  return (
    <div ref={container} className="absolute inset-0" onKeyDownCapture={onKeyDown}>
      <ReactFlow<LineageFlowNode, LineageFlowEdge>
        className={`lineage-canvas${hasLineage ? ' has-selection' : ''}`}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onInit={() => setReady(true)}
        onNodeClick={(_, node) => onSelect(node.id)}
        onNodeDoubleClick={(_, node) => onToggleCollapsed(node.id)}
        onPaneClick={() => onSelect(null)}
        zoomOnDoubleClick={false}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        onlyRenderVisibleElements
        minZoom={big ? BIG_GRAPH_MIN_ZOOM : MIN_ZOOM}
        maxZoom={2}
        colorMode={colorMode}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <EdgeMarkers />
        <EdgeLegend />
        {empty ? null : !big ? (
          <MiniMap<LineageFlowNode> pannable zoomable nodeColor={miniMapColor} ariaLabel="Overview map" />
        ) : (
          <OverviewCanvas placed={model.placed} bounds={model.bounds} colorOf={kindColor} />
        )}
        <Controls showInteractive={false} showFitView={!big} aria-label="Zoom controls">
          <ControlButton
            onClick={fitToSelection}
            disabled={!hasLineage}
            aria-label="Fit to selection"
            title={
              !hasLineage
                ? 'Fit to selection: select a node first'
                : 'Fit to selection: zoom to the selected node and its lineage'
            }
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path
                d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
              />
              <circle cx="8" cy="8" r="2.2" fill="currentColor" />
            </svg>
          </ControlButton>
        </Controls>
      </ReactFlow>
    </div>
  );
}
