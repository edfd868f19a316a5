import { useSyncExternalStore } from 'react';
import { throttle } from './listing';

export type ListingName = 'images' | 'servers' | 'deletedServers';
/** Items received so far per listing (pages of 1,000 arrive one by one). */
export type LoadProgress = Partial<Record<ListingName, number>>;

let progress: LoadProgress = {};
const listeners = new Set<() => void>();

let notifying: ReturnType<typeof setTimeout> | null = null;

/**
 * Records a listing's count; the views hear of it in a task of their own (at most one pending). A view
 * subscribed through useSyncExternalStore re-renders at once, and React first runs the effects still
 * pending from its last commit: told inside the task that took a page in, the page's parse, a progress
 * render and the graph canvas's pending effects made one task (over 100 ms at 50,000 images).
 */
export function reportProgress(name: ListingName, received: number): void {
  progress = { ...progress, [name]: received };
  notifying ??= setTimeout(() => {
    notifying = null;
    for (const l of listeners) l();
  }, 0);
}

export function getLoadProgress(): LoadProgress {
  return progress;
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

/** How far the listings have got, for the loading message of a big cloud. */
export function useLoadProgress(): LoadProgress {
  return useSyncExternalStore(subscribe, getLoadProgress, getLoadProgress);
}

/** How often the items received so far are handed on while pages arrive (each hand-on rebuilds the graph). */
export const PARTIAL_EVERY_MS = 400;

/**
 * Reads every page of a listing, reporting the running count after each page and, when `onPartial` is
 * given, handing on the items so far at most every `PARTIAL_EVERY_MS` (not after the last page: the
 * caller has the whole list then).
 */
export async function collectPages<T>(
  name: ListingName,
  pages: AsyncIterable<T[]>,
  onPartial?: (items: T[]) => void,
): Promise<T[]> {
  const all: T[] = [];
  reportProgress(name, 0);
  // What is handed on is a copy, so it stays as it was; the pages go into one array (a new array per page
  // copied the whole listing 50 times at 50,000 images).
  const partial = throttle(PARTIAL_EVERY_MS, () => onPartial?.(all.slice()));
  for await (const page of pages) {
    for (const item of page) all.push(item);
    reportProgress(name, all.length);
    if (onPartial) partial.call();
  }
  return all;
}
