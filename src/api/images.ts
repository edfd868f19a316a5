import { queryOptions } from '@tanstack/react-query';
import { GlanceClient, type Transport } from '../openstack';
import type { GlanceImage } from '../openstack/types';
import { canRefreshIncrementally, mergeById, newestOfPages, newestTime, type Listing } from './listing';
import { collectPages } from './load-progress';
import { takeDeletedImages } from './pending-deletions';
import { proxyTransport } from './proxy-transport';

export const imageKeys = {
  all: ['images'] as const,
  lists: () => [...imageKeys.all, 'list'] as const,
  list: (params: { scope: 'visible' }) => [...imageKeys.lists(), params] as const,
};

export type ImageListing = Listing<GlanceImage>;

const fullRequested = new Set<string>();

/** The next refresh of the image listing reads every page again (reconciles deletions made elsewhere). */
export function requestFullImageRefresh(): void {
  fullRequested.add('images');
}

const updatedAt = (i: GlanceImage): string | undefined => i.updated_at;

/**
 * Every image the caller can see (admins: every project's), 1,000 per page, following `next` links.
 * The first listing shows its pages as they arrive (the query's data grows, `complete: false`); a refresh
 * of a complete listing asks Glance only for what changed (`updated_at=gte:<newest seen>`), merges it and
 * drops the images the app deleted itself; every 10 minutes (or on request) it lists everything again.
 */
export async function fetchImageListing(
  transport: Transport,
  prev: ImageListing | undefined,
  opts: { signal?: AbortSignal; onPartial?: (l: ImageListing) => void; now?: number } = {},
): Promise<ImageListing> {
  const now = opts.now ?? Date.now();
  const glance = new GlanceClient(transport);
  const forceFull = fullRequested.delete('images');
  if (!forceFull && canRefreshIncrementally(prev, now)) {
    const changed = await glance.listImages({ updated_at: `gte:${prev.cursor}` }, { signal: opts.signal });
    const items = mergeById(prev.items, changed, takeDeletedImages());
    return { ...prev, items, cursor: newestTime(prev.cursor, changed, updatedAt), deltas: prev.deltas + 1 };
  }
  // A full listing: pages are shown as they come only when nothing is shown yet.
  const showPartial = !prev || !prev.complete;
  const newest = newestOfPages(updatedAt);
  const items = await collectPages(
    'images',
    newest.over(glance.pages({}, { signal: opts.signal })),
    showPartial && opts.onPartial
      ? (so) => opts.onPartial?.({ items: so, complete: false, cursor: null, fullAt: 0, deltas: 0 })
      : undefined,
  );
  takeDeletedImages();
  return { items, complete: true, cursor: newest.cursor, fullAt: now, deltas: 0 };
}

export const imageQueries = {
  all: (transport: Transport = proxyTransport) =>
    queryOptions({
      queryKey: imageKeys.list({ scope: 'visible' }),
      // Every page and refresh makes a new listing: comparing 50,000 items with the last one finds nothing to keep.
      structuralSharing: false,
      queryFn: ({ signal, client, queryKey }) =>
        fetchImageListing(transport, client.getQueryData<ImageListing>(queryKey), {
          signal,
          onPartial: (l) => client.setQueryData<ImageListing>(queryKey, l),
        }),
    }),
};
