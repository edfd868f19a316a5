import { describe, expect, it } from 'vitest';
import { bucketByPeriod, byteTicks, countTicks, linearScale, niceStep, niceTicks } from './plot-scales';

describe('linearScale', () => {
  it('maps the domain onto the range, also reversed (SVG y grows downwards)', () => {
    const x = linearScale([0, 100], [10, 210]);
    expect(x(0)).toBe(10);
    expect(x(50)).toBe(110);
    expect(x(100)).toBe(210);
    const y = linearScale([0, 10], [200, 0]);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(150);
  });

  it('maps a zero-width domain to the start of the range instead of NaN', () => {
    expect(linearScale([5, 5], [0, 100])(5)).toBe(0);
  });
});

describe('ticks', () => {
  it('picks steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(7, 5)).toBe(2);
    expect(niceStep(0.3, 3)).toBeCloseTo(0.1);
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(101)).toEqual([0, 50, 100, 150]);
  });

  it('always reaches the largest value', () => {
    for (const max of [1, 3, 9.5, 17, 999, 123_456]) {
      const ticks = niceTicks(max);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(12);
    }
  });

  it('counts in whole numbers, and gives an axis even when everything is zero', () => {
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(23).every(Number.isInteger)).toBe(true);
  });

  it('puts byte ticks on binary units', () => {
    expect(byteTicks(1_000_000)).toEqual([0, 200, 400, 600, 800, 1000].map((k) => k * 1024));
    expect(byteTicks(3 * 1024 ** 3)).toEqual([0, 1, 2, 3].map((g) => g * 1024 ** 3));
    expect(byteTicks(0)).toEqual([0, 1024]);
  });
});

describe('bucketByPeriod', () => {
  it('counts per Monday-based week with the empty weeks in between', () => {
    const b = bucketByPeriod(
      ['2026-02-02T10:00:00Z', '2026-02-08T23:00:00Z', '2026-02-16T10:00:00Z'],
      'week',
    );
    expect(b).toEqual([
      { start: '2026-02-02', label: '2026-02-02', count: 2 },
      { start: '2026-02-09', label: '2026-02-09', count: 0 },
      { start: '2026-02-16', label: '2026-02-16', count: 1 },
    ]);
  });

  it('counts per month across a year end and skips unreadable dates', () => {
    const b = bucketByPeriod(
      ['2025-12-31T23:59:59Z', 'not a date', '2026-02-01T00:00:00Z', '2026-02-28T00:00:00Z'],
      'month',
    );
    expect(b.map((x) => [x.label, x.count])).toEqual([
      ['2025-12', 1],
      ['2026-01', 0],
      ['2026-02', 2],
    ]);
  });

  it('keeps only the latest periods beyond the limit, and nothing for no dates', () => {
    const dates = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2024, i, 15)).toISOString());
    const b = bucketByPeriod(dates, 'month', 12);
    expect(b).toHaveLength(12);
    expect(b.at(-1)?.label).toBe('2026-06');
    expect(bucketByPeriod([], 'week')).toEqual([]);
  });
});
