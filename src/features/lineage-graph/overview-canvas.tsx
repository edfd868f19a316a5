import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { NODE_HEIGHT, NODE_WIDTH, type LineageFlowNode } from './to-flow-elements';

const W = 220;
const H = 160;

const viewportSelector = (s: ReactFlowState) =>
  `${s.transform[0]},${s.transform[1]},${s.transform[2]},${s.width},${s.height}`;

/**
 * An overview for big graphs, drawn on one <canvas>: React Flow's SVG MiniMap mounts an element per node,
 * which costs seconds at 10,000 nodes. Click to move the view there.
 */
export function OverviewCanvas({
  nodes,
  colorOf,
}: {
  nodes: LineageFlowNode[];
  colorOf: (n: LineageFlowNode) => string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();
  const [tx, ty, zoom, vw, vh] = useStore(viewportSelector).split(',').map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];

  const frame = useMemo(() => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const n of nodes) {
      minX = Math.min(minX, n.position.x);
      minY = Math.min(minY, n.position.y);
      maxX = Math.max(maxX, n.position.x + NODE_WIDTH);
      maxY = Math.max(maxY, n.position.y + NODE_HEIGHT);
    }
    // Each axis is scaled on its own: a forest of thousands of leaves is far taller than wide.
    return { minX, minY, sx: W / (maxX - minX || 1), sy: H / (maxY - minY || 1) };
  }, [nodes]);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, W, H);
    const { minX, minY, sx, sy } = frame;
    const w = Math.max(1, NODE_WIDTH * sx);
    const h = Math.max(1, NODE_HEIGHT * sy);
    for (const n of nodes) {
      ctx.fillStyle = colorOf(n);
      ctx.fillRect((n.position.x - minX) * sx, (n.position.y - minY) * sy, w, h);
    }
  }, [nodes, frame, colorOf]);

  const { minX, minY, sx, sy } = frame;
  const view = {
    left: (-tx / zoom - minX) * sx,
    top: (-ty / zoom - minY) * sy,
    width: (vw / zoom) * sx,
    height: (vh / zoom) * sy,
  };

  return (
    <Panel
      position="bottom-right"
      className="overflow-hidden rounded border border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900"
    >
      <div className="relative" style={{ width: W, height: H }}>
        <canvas
          ref={canvas}
          width={W}
          height={H}
          role="img"
          aria-label="Overview map"
          className="cursor-pointer"
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            const x = (e.clientX - r.left) / sx + minX;
            const y = (e.clientY - r.top) / sy + minY;
            void flow.setCenter(x, y, { zoom, duration: 200 });
          }}
        />
        <div
          aria-hidden="true"
          className="pointer-events-none absolute border-2 border-sky-500 bg-sky-500/10"
          style={{
            left: view.left,
            top: view.top,
            width: Math.max(3, view.width),
            height: Math.max(3, view.height),
          }}
        />
      </div>
    </Panel>
  );
}
