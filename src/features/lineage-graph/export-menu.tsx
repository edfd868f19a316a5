import { toPng } from 'html-to-image';
import { useState } from 'react';
import type { LineageGraph } from '../../lineage/types';
import { graphToCsv } from './graph-csv';

function download(href: string, filename: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.click();
}

function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

const buttonClass =
  'rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

/** Share and export what is on screen: the link (selection + filters), a PNG of the view, the nodes as CSV. */
export function ExportMenu({ graph }: { graph: LineageGraph }) {
  const [status, setStatus] = useState('');

  const copyLink = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setStatus('Link copied');
    } catch {
      setStatus('Copy failed: the address bar holds the link');
    }
  };

  const exportPng = async (): Promise<void> => {
    const view = document.querySelector<HTMLElement>('.lineage-canvas');
    if (!view) return;
    const dark = document.documentElement.classList.contains('dark');
    const url = await toPng(view, {
      backgroundColor: dark ? '#0f172a' : '#ffffff',
      filter: (el) => !el.classList?.contains('react-flow__controls'),
    });
    download(url, `glance-lineage-${stamp()}.png`);
    setStatus('PNG saved');
  };

  const exportCsv = (): void => {
    const blob = new Blob([graphToCsv(graph)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    download(url, `glance-lineage-${stamp()}.csv`);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`CSV saved (${graph.nodes.size} nodes)`);
  };

  return (
    <div className="flex items-center gap-1">
      <button type="button" className={buttonClass} onClick={() => void copyLink()}>
        Copy link
      </button>
      <button type="button" className={buttonClass} onClick={() => void exportPng()}>
        Export PNG
      </button>
      <button type="button" className={buttonClass} onClick={exportCsv}>
        Export CSV
      </button>
      <span role="status" className="text-xs text-slate-500">
        {status}
      </span>
    </div>
  );
}
