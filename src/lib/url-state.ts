import { useMemo, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('popstate', onChange);
  };
}

const snapshot = (): string => window.location.search;

/** The page's query string as URLSearchParams; re-renders when it changes (ours or back/forward). */
export function useUrlParams(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, snapshot, () => '');
  return useMemo(() => new URLSearchParams(search), [search]);
}

/**
 * Sets (or, with null / '', removes) query parameters, keeping the others. `push` adds a history entry
 * (selection changes); the default replaces the current one (typing in a search box).
 */
export function setUrlParams(patch: Record<string, string | null>, opts: { push?: boolean } = {}): void {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  if (url.search === window.location.search) return;
  if (opts.push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  for (const l of listeners) l();
}
