import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useEdgesState,
  useNodesState,
  useReactFlow,
  type ColorMode,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { EdgeLegend } from './edge-legend';
import { initialViewport } from './initial-viewport';
import { isNavKey, neighbourOf, type NavNode } from './keyboard-nav';
import { OverviewCanvas } from './overview-canvas';
import { nodeTypes } from './node-types';
import { NODE_HEIGHT, NODE_WIDTH, type LineageFlowEdge, type LineageFlowNode } from './to-flow-elements';

export interface Focus {
  id: string;
  seq: number;
}

interface LineageCanvasProps {
  nodes: LineageFlowNode[];
  edges: LineageFlowEdge[];
  /** A node to bring into view (search result, URL selection); a new `seq` pans again. */
  focus: Focus | null;
  hasSelection: boolean;
  colorMode: ColorMode;
  onSelect: (id: string | null) => void;
  /** Double-click folds or unfolds a node's subtree. */
  onToggleCollapsed: (id: string) => void;
}

/**
 * Above this many nodes the graph counts as big: the SVG MiniMap (one element per node) gives way to a canvas
 * overview, and neither "fit view" nor zooming far out is offered, because every node in view is mounted
 * (10,000 mounted nodes take ~20 s and pan at ~1 fps, STACK.md §4).
 */
export const BIG_GRAPH = 1500;
/** At this zoom a 1280×720 view holds a few hundred nodes at most. */
export const BIG_GRAPH_MIN_ZOOM = 0.15;

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

function miniMapColor(n: LineageFlowNode): string {
  return MINIMAP_COLORS[n.data.node.kind] ?? '#94a3b8';
}

export function LineageCanvas(props: LineageCanvasProps) {
  const {
    nodes: nextNodes,
    edges: nextEdges,
    focus,
    hasSelection,
    colorMode,
    onSelect,
    onToggleCollapsed,
  } = props;
  const [nodes, setNodes, onNodesChange] = useNodesState<LineageFlowNode>(nextNodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState<LineageFlowEdge>(nextEdges);
  useEffect(() => setNodes(nextNodes), [nextNodes, setNodes]);
  useEffect(() => setEdges(nextEdges), [nextEdges, setEdges]);

  const flow = useReactFlow<LineageFlowNode, LineageFlowEdge>();
  const big = nodes.length > BIG_GRAPH;

  const ready = useRef(false);
  const container = useRef<HTMLDivElement>(null);

  const centerOn = useCallback(
    (id: string): boolean => {
      const node = flow.getNode(id);
      if (!node) return false;
      const zoom = Math.max(flow.getZoom(), 0.8);
      void flow.setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, {
        zoom,
        duration: 200,
      });
      return true;
    },
    [flow],
  );

  /** Pans to a node the keyboard moved to, when it is (partly) out of view. */
  const reveal = useCallback(
    (id: string): void => {
      const node = flow.getNode(id);
      const box = container.current;
      if (!node || !box) return;
      const { x, y, zoom } = flow.getViewport();
      const left = node.position.x * zoom + x;
      const top = node.position.y * zoom + y;
      const inside =
        left >= 0 &&
        top >= 0 &&
        left + NODE_WIDTH * zoom <= box.clientWidth &&
        top + NODE_HEIGHT * zoom <= box.clientHeight;
      if (!inside) centerOn(id);
    },
    [flow, centerOn],
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
      } else if (tries++ < 30) requestAnimationFrame(tick);
      else pendingFocus.current = null;
    };
    requestAnimationFrame(tick);
  }, []);

  const navNodes = useMemo(
    (): NavNode[] => nodes.map((n) => ({ id: n.id, parentId: n.data.node.parentId, y: n.position.y })),
    [nodes],
  );
  const selectedId = nodes.find((n) => n.selected)?.id ?? null;
  const lineageIds = useMemo(
    () => nodes.filter((n) => n.className === 'is-related').map((n) => ({ id: n.id })),
    [nodes],
  );

  const fitToSelection = (): void => {
    if (lineageIds.length === 0) return;
    void flow.fitView({ nodes: lineageIds, padding: 0.15, maxZoom: 1.2, duration: 200 });
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
    const next = neighbourOf(navNodes, focusedId, e.key);
    if (next === null) return;
    onSelect(next);
    reveal(next);
    focusNode(next);
  };

  const onInit = useCallback(
    (instance: ReactFlowInstance<LineageFlowNode, LineageFlowEdge>) => {
      ready.current = true;
      if (focus && centerOn(focus.id)) return;
      const box = container.current;
      const size = { width: box?.clientWidth ?? 1024, height: box?.clientHeight ?? 768 };
      void instance.setViewport(
        initialViewport(
          instance.getNodes().map((n) => n.position),
          size,
        ),
      );
    },
    // Only the first call matters: React Flow calls onInit once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  useEffect(() => {
    if (!focus || !ready.current) return;
    // Selecting a node can open a side column and narrow the canvas; center once React Flow has the new size.
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => centerOn(focus.id));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [focus, centerOn]);

  return (
    <div ref={container} className="absolute inset-0" onKeyDownCapture={onKeyDown}>
      <ReactFlow<LineageFlowNode, LineageFlowEdge>
        className={`lineage-canvas${hasSelection ? ' has-selection' : ''}`}
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        nodeTypes={nodeTypes}
        onInit={onInit}
        onNodeClick={(_, node) => onSelect(node.id)}
        onNodeDoubleClick={(_, node) => onToggleCollapsed(node.id)}
        onPaneClick={() => onSelect(null)}
        zoomOnDoubleClick={false}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        onlyRenderVisibleElements
        minZoom={big ? BIG_GRAPH_MIN_ZOOM : 0.02}
        maxZoom={2}
        colorMode={colorMode}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <EdgeLegend />
        {!big ? (
          <MiniMap<LineageFlowNode> pannable zoomable nodeColor={miniMapColor} ariaLabel="Overview map" />
        ) : (
          <OverviewCanvas nodes={nodes} colorOf={miniMapColor} />
        )}
        <Controls showInteractive={false} showFitView={!big} aria-label="Zoom controls">
          <ControlButton
            onClick={fitToSelection}
            disabled={lineageIds.length === 0}
            aria-label="Fit to selection"
            title={
              lineageIds.length === 0
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
