import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GridIndex, type Box } from './spatial-index';

function boxesOf(list: Box[]): Float64Array {
  return Float64Array.from(list.flatMap((b) => [b.minX, b.minY, b.maxX, b.maxY]));
}

function bruteForce(list: Box[], r: Box): number[] {
  return list.flatMap((b, i) =>
    b.minX <= r.maxX && b.maxX >= r.minX && b.minY <= r.maxY && b.maxY >= r.minY ? [i] : [],
  );
}

const box = (minX: number, minY: number, w: number, h: number): Box => ({
  minX,
  minY,
  maxX: minX + w,
  maxY: minY + h,
});

describe('GridIndex', () => {
  it('finds the boxes overlapping a rectangle, touching included, each once, in ascending order', () => {
    const list = [box(0, 0, 240, 76), box(312, 0, 240, 76), box(312, 90, 240, 76), box(5000, 9000, 240, 76)];
    const grid = new GridIndex(boxesOf(list), 256);
    expect(grid.query(box(250, -10, 100, 200))).toEqual([1, 2]);
    expect(grid.query(box(240, 76, 10, 10))).toEqual([0]);
    expect(grid.query(box(-1000, -1000, 100_000, 100_000))).toEqual([0, 1, 2, 3]);
    expect(grid.query(box(1000, 1000, 100, 100))).toEqual([]);
  });

  it('answers for rectangles outside the grid and for an empty index', () => {
    const grid = new GridIndex(boxesOf([box(0, 0, 10, 10)]), 64);
    expect(grid.query(box(-500, -500, 10, 10))).toEqual([]);
    expect(grid.query(box(5, -500, 1, 1000))).toEqual([0]);
    expect(new GridIndex(new Float64Array(0), 64).query(box(0, 0, 10, 10))).toEqual([]);
  });

  it('finds a box that spans very many cells (an edge to a child far below) without listing it in each', () => {
    const tall = box(0, 0, 300, 1_000_000);
    const grid = new GridIndex(boxesOf([tall, box(0, 500_000, 10, 10)]), 100);
    expect(grid.query(box(100, 700_000, 10, 10))).toEqual([0]);
    expect(grid.query(box(0, 500_000, 10, 10))).toEqual([0, 1]);
  });

  it('agrees with checking every box, for any boxes, cell size and rectangle', () => {
    const coord = fc.integer({ min: -5000, max: 5000 });
    const size = fc.integer({ min: 0, max: 3000 });
    const arbBox = fc.tuple(coord, coord, size, size).map(([x, y, w, h]) => box(x, y, w, h));
    fc.assert(
      fc.property(
        fc.array(arbBox, { maxLength: 60 }),
        fc.array(arbBox, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 16, max: 2048 }),
        (list, rects, cell) => {
          const grid = new GridIndex(boxesOf(list), cell);
          for (const r of rects) expect(grid.query(r)).toEqual(bruteForce(list, r));
        },
      ),
    );
  });
});
