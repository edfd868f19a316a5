/**
 * A whole Glance listing walked from both ends at once: newest first (Glance's default order) and oldest
 * first (`sort_key=created_at&sort_dir=asc`), each following its own `next` links, until the two walks
 * meet. Glance pages by marker, so one walk can only ask for a page once the one before it has arrived;
 * two walks keep two pages in flight, and the listing takes about half as many round trips.
 *
 * Why the two walks cover every image exactly once: Glance orders a listing by the sort keys and then by
 * `created_at` and `id`, each in the one direction given (glance/db/sqlalchemy/api.py `image_get_all`:
 * the tie-breakers take `sort_dir` when a single one is given). So the oldest-first walk sees the images
 * in exactly the reverse of the newest-first order: the newest-first walk has seen a prefix of that order,
 * the other a suffix, and once any image turns up in both, together they hold all of it. Images seen twice
 * are handed on once. A walk that reaches its end alone has seen everything and stops the other.
 * Browser-safe (no node:*).
 */
import type { GlanceImage } from './types';

/** One page of a walk, and whether Glance named a page after it. */
export interface WalkPage {
  images: GlanceImage[];
  more: boolean;
}

/** Walks one listing page by page (GlanceClient's single walk, with its look-ahead). */
export type Walk = (query: Record<string, string>, signal: AbortSignal) => AsyncGenerator<WalkPage>;

/** A page handed on: its new images, newest first, and the end of the listing it came from. */
export interface EndPage {
  images: GlanceImage[];
  fromOldest: boolean;
}

/** Query keys that choose the order or the start of a listing: with any of them, one walk is made. */
const ORDER_KEYS = ['sort', 'sort_key', 'sort_dir', 'marker'];

/**
 * Full pages walked from the newest end before the oldest end is walked too. Where the walks meet, their
 * last pages overlap and the page each asked for ahead is thrown away: up to about two pages of Glance's
 * work lost, so a second walk pays only on a long listing. The lab's real Glance listed 2,100 images
 * (three pages) 1.4 times slower from both ends from the first page on.
 */
export const BOTH_ENDS_AFTER_PAGES = 4;

/** Whether `query` lists in Glance's default order from the start, so it can be walked from both ends. */
export function walksFromBothEnds(query: Record<string, string>): boolean {
  return !Object.keys(query).some((k) => ORDER_KEYS.includes(k));
}

type Turn = { end: 'newest' | 'oldest'; step: IteratorResult<WalkPage> };

/**
 * The pages of the listing `query` names, as they arrive from either end. The oldest end is walked too
 * once BOTH_ENDS_AFTER_PAGES full pages have come from the newest end and more are named.
 * An error from either walk ends the listing with that error; stopping early, or an error, aborts every
 * request still in flight.
 */
export async function* pagesFromBothEnds(
  walk: Walk,
  query: Record<string, string>,
  limit: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<EndPage> {
  const stop = new AbortController();
  const both = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const newest = walk(query, both);
  let oldest: AsyncGenerator<WalkPage> | null = null;
  const pending: Promise<Turn>[] = [];
  try {
    const seen = new Set<string>();
    // A short listing, or one in an order of the caller's, is walked from one end only.
    let full = walksFromBothEnds(query);
    for (let pages = 0; pages < BOTH_ENDS_AFTER_PAGES || !full; pages++) {
      const step = await newest.next();
      if (step.done) return;
      full &&= step.value.images.length >= limit;
      // The ids are only wanted to see where two walks meet.
      if (full) for (const image of step.value.images) seen.add(image.id);
      yield { images: step.value.images, fromOldest: false };
      if (!step.value.more) return;
    }
    const ascending = walk({ ...query, sort_key: 'created_at', sort_dir: 'asc' }, both);
    oldest = ascending;
    const ask = (end: Turn['end']): Promise<Turn> =>
      (end === 'newest' ? newest : ascending).next().then((step) => ({ end, step }));
    let waiting: Promise<Turn>[] = [ask('newest'), ask('oldest')];
    pending.push(...waiting);
    while (waiting.length === 2) {
      const { end, step } = await Promise.race(waiting);
      waiting = waiting.filter((_, i) => i !== (end === 'newest' ? 0 : 1));
      // This end walked the whole listing by itself: everything is in hand.
      if (step.done) return;
      let met = false;
      const fresh: GlanceImage[] = [];
      for (const image of step.value.images) {
        if (seen.has(image.id)) met = true;
        else {
          seen.add(image.id);
          fresh.push(image);
        }
      }
      const fromOldest = end === 'oldest';
      if (fresh.length > 0) yield { images: fromOldest ? fresh.reverse() : fresh, fromOldest };
      if (met || !step.value.more) return;
      const again = ask(end);
      pending.push(again);
      waiting = end === 'newest' ? [again, ...waiting] : [...waiting, again];
    }
  } finally {
    // A single walk gives up its own look-ahead; two walks may each have pages in flight.
    if (oldest) stop.abort();
    // Pages given up on fail with the abort; nobody reads them, so their rejections are not errors.
    for (const p of pending) p.catch(() => undefined);
    void newest.return(undefined).catch(() => undefined);
    void oldest?.return(undefined).catch(() => undefined);
  }
}

/**
 * The pages of a listing walked from both ends, in Glance's default order (newest first): the newest-end
 * pages as they came, then the oldest-end pages from the middle outwards.
 */
export function inListingOrder(pages: readonly EndPage[]): GlanceImage[] {
  const out: GlanceImage[] = [];
  for (const page of pages) if (!page.fromOldest) for (const image of page.images) out.push(image);
  for (let i = pages.length - 1; i >= 0; i--) {
    const page = pages[i] as EndPage;
    if (page.fromOldest) for (const image of page.images) out.push(image);
  }
  return out;
}
