import { useSyncExternalStore } from 'react';

export type ListingName = 'images' | 'servers' | 'deletedServers';
/** Items received so far per listing (pages of 1,000 arrive one by one). */
export type LoadProgress = Partial<Record<ListingName, number>>;

let progress: LoadProgress = {};
const listeners = new Set<() => void>();

export function reportProgress(name: ListingName, received: number): void {
  progress = { ...progress, [name]: received };
  for (const l of listeners) l();
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

/** Reads every page of a listing, reporting the running count after each page. */
export async function collectPages<T>(name: ListingName, pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  reportProgress(name, 0);
  for await (const page of pages) {
    all.push(...page);
    reportProgress(name, all.length);
  }
  return all;
}
