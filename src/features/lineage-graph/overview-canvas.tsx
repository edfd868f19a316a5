import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { LineageNode } from '../../lineage/types';
import type { PlacedNode } from './flow-model';
import type { Box } from './spatial-index';
import { NODE_HEIGHT, NODE_WIDTH } from './to-flow-elements';

const W = 220;
const H = 160;

const viewportSelector = (s: ReactFlowState) =>
  `${s.transform[0]},${s.transform[1]},${s.transform[2]},${s.width},${s.height}`;

/**
 * An overview for big graphs, drawn on one <canvas> with every laid-out node (React Flow holds only those
 * near the viewport, and its SVG MiniMap mounts an element per node, which costs seconds at 10,000 nodes).
 * Click to move the view there.
 */
export function OverviewCanvas({
  placed,
  bounds,
  colorOf,
}: {
  placed: readonly PlacedNode[];
  /** The box around every node in `placed`. */
  bounds: Box;
  colorOf: (n: LineageNode) => string;
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
    const { minX, minY, maxX, maxY } = bounds;
    // Each axis is scaled on its own: a forest of thousands of leaves is far taller than wide.
    return { minX, minY, sx: W / (maxX - minX || 1), sy: H / (maxY - minY || 1) };
  }, [bounds]);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    // In a task of its own: the canvas mounts (or takes a new graph in) in one task already, and going over
    // 60,000 nodes adds 10 to 20 ms to it.
    const drawing = setTimeout(() => drawOverview(ctx, placed, frame, colorOf), 0);
    return () => clearTimeout(drawing);
  }, [placed, frame, colorOf]);

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

/** One pass over a pixel buffer, put on the canvas at once: 60,000 fillRect calls take tens of ms. */
function drawOverview(
  ctx: CanvasRenderingContext2D,
  placed: readonly PlacedNode[],
  frame: { minX: number; minY: number; sx: number; sy: number },
  colorOf: (n: LineageNode) => string,
): void {
  const image = ctx.createImageData(W, H);
  const pixels = new Uint32Array(image.data.buffer);
  const { minX, minY, sx, sy } = frame;
  const w = Math.max(1, Math.round(NODE_WIDTH * sx));
  const h = Math.max(1, Math.round(NODE_HEIGHT * sy));
  const rgba = new Map<string, number>();
  for (const p of placed) {
    const color = colorOf(p.node);
    let value = rgba.get(color);
    if (value === undefined) {
      value = packColor(color);
      rgba.set(color, value);
    }
    const x0 = Math.max(0, Math.floor((p.x - minX) * sx));
    const y0 = Math.max(0, Math.floor((p.y - minY) * sy));
    const x1 = Math.min(W, x0 + w);
    const y1 = Math.min(H, y0 + h);
    for (let y = y0; y < y1; y++) pixels.fill(value, y * W + x0, y * W + x1);
  }
  ctx.putImageData(image, 0, 0);
}

/** `#rrggbb` as one opaque pixel of an ImageData buffer (bytes r, g, b, a in memory order). */
function packColor(hex: string): number {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  const bytes = new Uint8Array([r, g, b, 255]);
  return new Uint32Array(bytes.buffer)[0] as number;
}
