import { useEffect, useState } from 'react';
import { useLoadProgress } from '../api/load-progress';
import { loadingMessage } from '../lib/format-count';
import { useCloudData } from '../api/use-cloud-data';

function minutesAgo(at: number, now: number): string {
  const m = Math.floor((now - at) / 60_000);
  return m < 1 ? 'less than a minute ago' : m === 1 ? '1 min ago' : `${m} min ago`;
}

/**
 * How fresh the shown data is: pages still arriving (with counts), a cached copy being revalidated, or a
 * refresh running; and a button to list everything again.
 */
export function DataStatus() {
  const cloud = useCloudData();
  const p = useLoadProgress();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  if (!cloud.graph) return null;
  let text: string | null = null;
  if (cloud.cachedAt !== null) text = `Cached ${minutesAgo(cloud.cachedAt, now)}, refreshing…`;
  else if (cloud.loading) {
    text = loadingMessage(p);
  } else if (cloud.refreshing) text = 'Refreshing…';
  return (
    <div className="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
      {text ? (
        <span role="status" aria-label="Data status">
          {text}
        </span>
      ) : null}
      {!cloud.loading && !cloud.refreshing ? (
        <button
          type="button"
          className="rounded px-1.5 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800"
          title="List every image and server again (picks up deletions made outside this app)"
          onClick={cloud.reloadAll}
        >
          Reload all
        </button>
      ) : null}
    </div>
  );
}
