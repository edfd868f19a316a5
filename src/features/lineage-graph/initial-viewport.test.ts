import { describe, expect, it } from 'vitest';
import { initialViewport } from './initial-viewport';
import { NODE_HEIGHT, NODE_WIDTH } from './to-flow-elements';

const size = { width: 1000, height: 600 };
const opts = { readableZoom: 0.5, maxZoom: 1, padding: 0 };

describe('initialViewport', () => {
  it('centres a small graph at zoom 1 at most', () => {
    const vp = initialViewport([{ x: 0, y: 0 }], size, opts);
    expect(vp.zoom).toBe(1);
    expect(vp.x).toBeCloseTo((1000 - NODE_WIDTH) / 2);
    expect(vp.y).toBeCloseTo((600 - NODE_HEIGHT) / 2);
  });

  it('fits a graph that is readable when fitted', () => {
    const positions = [
      { x: 0, y: 0 },
      { x: 1500 - NODE_WIDTH, y: 900 - NODE_HEIGHT },
    ];
    const vp = initialViewport(positions, size, opts);
    expect(vp.zoom).toBeCloseTo(2 / 3);
  });

  it('opens a big graph on its top-left region at the readable zoom', () => {
    const positions = Array.from({ length: 10_000 }, (_, i) => ({ x: 100 + (i % 10) * 300, y: 50 + i * 90 }));
    const vp = initialViewport(positions, size, opts);
    expect(vp).toEqual({ x: -50, y: -25, zoom: 0.5 });
  });

  it('has a neutral view for an empty graph', () => {
    expect(initialViewport([], size)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
