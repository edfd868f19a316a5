import { useState } from 'react';
import type { LineageGraph } from '../../lineage/types';
import { describeError } from '../../lib/describe-error';
import { downloadHref, downloadText, fileStamp } from './download';
import { exportRows, rowsToCsv, rowsToJson } from './export-rows';
import { graphImage, type ImageFormat } from './graph-image';

interface ExportMenuProps {
  /** The filtered set: what the graph and the table show. */
  graph: LineageGraph;
  /** PNG and SVG need the graph on screen; otherwise they are disabled with this reason. */
  imageDisabledReason: string | null;
}

const buttonClass =
  'rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** Downloads of the filtered set (CSV, JSON) and of the visible graph (PNG, SVG). */
export function ExportMenu({ graph, imageDisabledReason }: ExportMenuProps) {
  const [status, setStatus] = useState('');
  const count = graph.nodes.size;

  const exportData = (format: 'csv' | 'json'): void => {
    const rows = exportRows(graph);
    if (format === 'csv')
      downloadText(rowsToCsv(rows), 'text/csv;charset=utf-8', `glance-lineage-${fileStamp()}.csv`);
    else downloadText(rowsToJson(rows), 'application/json', `glance-lineage-${fileStamp()}.json`);
    setStatus(`${format.toUpperCase()} with ${rows.length} rows saved`);
  };

  const exportImage = async (format: ImageFormat): Promise<void> => {
    setStatus(`Drawing ${format.toUpperCase()}…`);
    try {
      downloadHref(await graphImage(format), `glance-lineage-${fileStamp()}.${format}`);
      setStatus(`${format.toUpperCase()} saved`);
    } catch (e) {
      setStatus(`${format.toUpperCase()} failed: ${describeError(e).message}`);
    }
  };

  return (
    <div role="group" aria-label="Export" className="flex flex-wrap items-center gap-1 text-sm">
      <span className="text-slate-500">Export {count} nodes:</span>
      <button type="button" className={buttonClass} onClick={() => exportData('csv')}>
        Download CSV
      </button>
      <button type="button" className={buttonClass} onClick={() => exportData('json')}>
        Download JSON
      </button>
      {(['png', 'svg'] as const).map((f) => (
        <button
          key={f}
          type="button"
          className={buttonClass}
          disabled={imageDisabledReason !== null}
          title={imageDisabledReason ?? `The graph as you see it, as ${f.toUpperCase()}`}
          onClick={() => void exportImage(f)}
        >
          Download {f.toUpperCase()}
        </button>
      ))}
      <span role="status" className="text-xs text-slate-500">
        {status}
      </span>
    </div>
  );
}
