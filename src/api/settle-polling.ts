/**
 * Live updates while something is on its way: as long as an image is queued, saving, importing or uploading,
 * or a server is building or busy with a task (a snapshot being taken, a resize…), the listings are fetched
 * again every few seconds, through their incremental refresh (only what changed); once all has settled, the
 * polling stops. TanStack Query's function-valued `refetchInterval` (STYLE.md §4.4) on a second observer of
 * the same queries, so the data views' own options stay as they are.
 */
import { useQuery } from '@tanstack/react-query';
import { isTransitional } from '../lineage';
import type { GlanceImage, NovaServer } from '../openstack/types';
import { imageQueries } from './images';
import type { Listing } from './listing';
import { serverQueries } from './servers';
import { sessionQueries } from './session';

export const SETTLE_POLL_MS = 3_000;
/**
 * Something transitional that has not changed for this long is stuck, not on its way (an image created and
 * never uploaded stays `queued` for ever; a server can hang in BUILD): it alone does not keep the polling on.
 */
export const STUCK_AFTER_MS = 60 * 60_000;

function recent(time: string | undefined, now: number): boolean {
  const t = time ? Date.parse(time) : NaN;
  return !Number.isFinite(t) || now - t < STUCK_AFTER_MS;
}

/** Nova statuses that end by themselves (ERROR, ACTIVE, SHUTOFF, SHELVED… do not). */
const MOVING_SERVER_STATUSES = new Set([
  'BUILD',
  'REBUILD',
  'RESIZE',
  'VERIFY_RESIZE',
  'REVERT_RESIZE',
  'MIGRATING',
  'REBOOT',
  'HARD_REBOOT',
  'PASSWORD',
]);

/** What makes an item of a listing settling: it is on its way (`moving`), and was updated recently. */
export interface Settling<T> {
  moving(item: T): boolean;
  updated(item: T): string | undefined;
  /** The moving items of each items array seen (found once per array, not once per poll decision). */
  readonly found: WeakMap<readonly T[], readonly T[]>;
}

export const serverSettling: Settling<NovaServer> = {
  moving(server) {
    const task = server['OS-EXT-STS:task_state'];
    return MOVING_SERVER_STATUSES.has(server.status) || (typeof task === 'string' && task !== '');
  },
  updated: (server) => server.updated,
  found: new WeakMap(),
};

export const imageSettling: Settling<GlanceImage> = {
  moving: isTransitional,
  updated: (image) => image.updated_at,
  found: new WeakMap(),
};

export function isServerSettling(server: NovaServer, now: number = Date.now()): boolean {
  return serverSettling.moving(server) && recent(server.updated, now);
}

export function isImageSettling(image: GlanceImage, now: number = Date.now()): boolean {
  return imageSettling.moving(image) && recent(image.updated_at, now);
}

/** The items of `items` that are on their way (recent or not); looked for once per array. */
export function movingItems<T>(items: readonly T[], settling: Settling<T>): readonly T[] {
  let moving = settling.found.get(items);
  if (!moving) {
    moving = items.filter((item) => settling.moving(item));
    settling.found.set(items, moving);
  }
  return moving;
}

/**
 * The poll interval for a listing: only once it is complete (the first load has its own progress). The
 * query asks on every change of its state; the items are gone over once per listing, not on each ask.
 */
export function settleInterval<T>(
  listing: Listing<T> | undefined,
  settling: Settling<T>,
  now: number = Date.now(),
): number | false {
  if (!listing?.complete) return false;
  return movingItems(listing.items, settling).some((item) => recent(settling.updated(item), now))
    ? SETTLE_POLL_MS
    : false;
}

/**
 * This observer never starts a fetch by itself (the data views own the first load and the restore of a
 * cached listing): it only adds the interval, once the listing is there.
 */
const POLL_ONLY = {
  enabled: (q: { state: { data: unknown } }) => q.state.data !== undefined,
  refetchOnMount: false,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  notifyOnChangeProps: [],
};

/** Keeps images and servers fresh while any of them is transitional; renders nothing, re-renders nothing. */
export function useSettlePolling(): void {
  const session = useQuery(sessionQueries.current());
  const isAdmin = session.data?.isAdmin ?? false;
  useQuery({
    ...imageQueries.all(),
    ...POLL_ONLY,
    refetchInterval: (q) => settleInterval(q.state.data, imageSettling),
  });
  useQuery({
    ...serverQueries.list({ allTenants: isAdmin, withDeleted: isAdmin }),
    ...POLL_ONLY,
    enabled: (q) => session.isSuccess && q.state.data !== undefined,
    refetchInterval: (q) => settleInterval(q.state.data, serverSettling),
  });
}
