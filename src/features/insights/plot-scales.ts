/** Scales, ticks and time buckets for the insight plots. Pure: no DOM, no React. */

export type LinearScale = (value: number) => number;

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps everything to r0. */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): LinearScale {
  const span = d1 - d0;
  return (v) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}

/** A step of 1, 2, 5 or 10 times a power of ten, so that about `count` steps cover [0, max]. */
export function niceStep(max: number, count: number): number {
  if (!(max > 0) || count < 1) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** Ticks 0, step, 2·step, ... up to the first one at or above max (so the axis covers every value). */
export function niceTicks(max: number, count = 5): number[] {
  const step = niceStep(max, count);
  const ticks = [0];
  while ((ticks[ticks.length - 1] as number) < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

/** Whole-number ticks (counts): the step is at least 1. */
export function countTicks(max: number, count = 5): number[] {
  const step = Math.max(1, Math.round(niceStep(max, count)));
  const ticks = [0];
  while ((ticks[ticks.length - 1] as number) < max) ticks.push(ticks.length * step);
  return ticks.length > 1 ? ticks : [0, 1];
}

/** Byte ticks in a binary unit (KiB, MiB, ...) so labels read "256 KiB", not "262144". */
export function byteTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1024];
  const unit = 1024 ** Math.max(0, Math.floor(Math.log(max) / Math.log(1024)));
  return niceTicks(max / unit, count).map((t) => t * unit);
}

export type Period = 'week' | 'month';

export interface Bucket {
  /** UTC start of the period, ISO date (YYYY-MM-DD). */
  start: string;
  /** "2026-02" for a month, "2026-02-02" (the Monday) for a week. */
  label: string;
  count: number;
}

function periodStart(t: Date, period: Period): Date {
  if (period === 'month') return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
  const day = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - sinceMonday);
  return day;
}

function nextStart(t: Date, period: Period): Date {
  const d = new Date(t);
  if (period === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + 7);
  return d;
}

/**
 * Counts per week (Monday-based, UTC) or month, every period from the first date to the last, empty ones
 * included so the time axis is even. Unreadable dates are left out. At most `limit` periods (the latest).
 */
export function bucketByPeriod(dates: readonly string[], period: Period, limit = 120): Bucket[] {
  const times = dates.map((d) => Date.parse(d)).filter((t) => Number.isFinite(t));
  if (times.length === 0) return [];
  const counts = new Map<number, number>();
  for (const t of times) {
    const key = periodStart(new Date(t), period).getTime();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()];
  const last = Math.max(...keys);
  const out: Bucket[] = [];
  for (let d = new Date(Math.min(...keys)); d.getTime() <= last; d = nextStart(d, period)) {
    const start = d.toISOString().slice(0, 10);
    out.push({
      start,
      label: period === 'month' ? start.slice(0, 7) : start,
      count: counts.get(d.getTime()) ?? 0,
    });
  }
  return out.slice(-limit);
}
