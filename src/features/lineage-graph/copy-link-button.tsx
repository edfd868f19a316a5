import { useState } from 'react';

/** Copies the page's address: it holds the selection, search, filters and folded subtrees. */
export function CopyLinkButton() {
  const [status, setStatus] = useState('');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setStatus('Link copied');
    } catch {
      setStatus('Copy failed: the address bar holds the link');
    }
  };
  return (
    <span className="flex items-center gap-1 text-sm">
      <button
        type="button"
        className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        onClick={() => void copy()}
      >
        Copy link
      </button>
      <span role="status" className="text-xs text-slate-500">
        {status}
      </span>
    </span>
  );
}
