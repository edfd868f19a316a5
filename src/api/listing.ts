/**
 * A listing (Glance images, Nova servers) as the app keeps it: the items, whether every page has arrived,
 * and the cursor of the next incremental refresh (the newest `updated_at` / `updated` seen, the cloud's own
 * clock, so a skewed browser clock does not matter).
 */
export interface Listing<T> {
  items: T[];
  /** Every page of the last full listing has arrived (false while the first pages are shown). */
  complete: boolean;
  /** The newest update time seen (ISO); null when unknown (an empty list): the next refresh is a full one. */
  cursor: string | null;
  /** When the last full listing finished (ms since epoch). */
  fullAt: number;
  /** Incremental refreshes since the last full listing. */
  deltas: number;
}

/**
 * The newest of `cursor` and the items' update times. Two UTC times written alike (same length, ending in
 * `Z`) compare as strings, without parsing: 50,000 Date.parse calls would hold the page for tens of ms.
 */
export function newestTime<T>(
  cursor: string | null,
  items: readonly T[],
  timeOf: (t: T) => string | undefined,
): string | null {
  let best = cursor;
  let bestMs = best === null ? -Infinity : Date.parse(best);
  for (const item of items) {
    const t = timeOf(item);
    if (!t) continue;
    if (
      best !== null &&
      !Number.isNaN(bestMs) &&
      t.length === best.length &&
      t.endsWith('Z') &&
      best.endsWith('Z')
    ) {
      if (t > best && !Number.isNaN(Date.parse(t))) {
        best = t;
        bestMs = Date.parse(t);
      }
      continue;
    }
    const ms = Date.parse(t);
    if (!Number.isNaN(ms) && ms > bestMs) {
      best = t;
      bestMs = ms;
    }
  }
  return best;
}

/**
 * The newest update time of a listing read page by page: `over(pages)` hands the pages on as they come and
 * looks through each one in the task it arrived in, so the complete listing does not go over 50,000 items
 * in the task that takes its last page in.
 */
export function newestOfPages<T>(timeOf: (t: T) => string | undefined): {
  over(pages: AsyncIterable<T[]>): AsyncGenerator<T[]>;
  readonly cursor: string | null;
} {
  let cursor: string | null = null;
  return {
    async *over(pages) {
      for await (const page of pages) {
        cursor = newestTime(cursor, page, timeOf);
        yield page;
      }
    },
    get cursor() {
      return cursor;
    },
  };
}

/**
 * `items` with `changed` merged in by id: a changed item replaces the old one in place, a new one goes first
 * (listings are newest first), and ids in `remove` are dropped. Unchanged items keep their identity.
 */
export function mergeById<T extends { id: string }>(
  items: readonly T[],
  changed: readonly T[],
  remove: ReadonlySet<string> = new Set(),
): T[] {
  if (changed.length === 0 && remove.size === 0) return items as T[];
  const byId = new Map<string, T>();
  for (const c of changed) byId.set(c.id, c);
  const out: T[] = [];
  const placed = new Set<string>();
  for (const item of items) {
    if (remove.has(item.id)) continue;
    const c = byId.get(item.id);
    if (c) placed.add(item.id);
    out.push(c ?? item);
  }
  const fresh = changed.filter((c) => !placed.has(c.id) && !remove.has(c.id));
  return fresh.length > 0 ? [...fresh, ...out] : out;
}

/** How long shown data may go without a full listing (deletions of images only show up in one). */
export const FULL_REFRESH_EVERY_MS = 10 * 60_000;
/** ...and how many incremental refreshes in a row. */
export const FULL_REFRESH_AFTER_DELTAS = 20;

/** Whether the next refresh can be incremental: a complete listing with a cursor, recent enough. */
export function canRefreshIncrementally<T>(prev: Listing<T> | undefined, now: number): prev is Listing<T> {
  return (
    prev !== undefined &&
    prev.complete &&
    prev.cursor !== null &&
    now - prev.fullAt < FULL_REFRESH_EVERY_MS &&
    prev.deltas < FULL_REFRESH_AFTER_DELTAS
  );
}

/** Calls `fn` at most once per `ms` (the first call at once); `flush` calls it now if a call is pending. */
export function throttle(
  ms: number,
  fn: () => void,
  now: () => number = () => Date.now(),
): { call: () => void; flush: () => void } {
  let last = -Infinity;
  let pending = false;
  return {
    call() {
      if (now() - last >= ms) {
        last = now();
        pending = false;
        fn();
      } else pending = true;
    },
    flush() {
      if (!pending) return;
      pending = false;
      last = now();
      fn();
    },
  };
}
