import type { Viewport } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH, type Point } from './to-flow-elements';

export interface ViewportOptions {
  /** Below this zoom names cannot be read: the first view then shows the top-left region instead. */
  readableZoom: number;
  maxZoom: number;
  padding: number;
}

export const VIEWPORT_DEFAULTS: ViewportOptions = { readableZoom: 0.5, maxZoom: 1, padding: 24 };

/**
 * The first view: the whole graph when it fits at a readable zoom, otherwise its top-left region at that
 * zoom. Fitting 10,000 nodes would mount them all; a region keeps `onlyRenderVisibleElements` useful.
 */
export function initialViewport(
  positions: readonly Point[],
  size: { width: number; height: number },
  opts: ViewportOptions = VIEWPORT_DEFAULTS,
): Viewport {
  if (positions.length === 0) return { x: 0, y: 0, zoom: 1 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of positions) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + NODE_WIDTH);
    maxY = Math.max(maxY, p.y + NODE_HEIGHT);
  }
  const w = maxX - minX;
  const h = maxY - minY;
  const pad = opts.padding;
  const fit = Math.min((size.width - 2 * pad) / w, (size.height - 2 * pad) / h, opts.maxZoom);
  if (fit >= opts.readableZoom) {
    return {
      x: (size.width - w * fit) / 2 - minX * fit,
      y: (size.height - h * fit) / 2 - minY * fit,
      zoom: fit,
    };
  }
  const zoom = opts.readableZoom;
  return { x: pad - minX * zoom, y: pad - minY * zoom, zoom };
}
