import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { FactBadge } from '../../components/fact-badge';
import { formatBytes } from '../../components/format-bytes';
import type { LineageGraph, Viewer } from '../../lineage/types';
import { cardFacts, nodeDisplayFor } from '../../lib/fact-display';
import { KIND_LABELS } from '../../lib/labels';
import { useProjectNames } from '../../lib/project-names';
import { setUrlParams, useUrlParams } from '../../lib/url-state';
import { nextSort, parseSort, sortRows, sortText, tableRows, type SortKey } from './table-rows';

interface TableViewProps {
  /** The filtered set (the same the graph shows). */
  graph: LineageGraph;
  /** The whole graph, to name parents the filter hides. */
  full: LineageGraph;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Who is looking: an admin viewing every project does not need `foreign` on every row. */
  viewer?: Viewer | undefined;
}

const ROW_HEIGHT = 34;
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'kind', label: 'Kind' },
  { key: 'status', label: 'Status' },
  { key: 'project', label: 'Project' },
  { key: 'size', label: 'Size' },
  { key: 'created', label: 'Created' },
  { key: 'parent', label: 'Parent' },
  { key: 'facts', label: 'Facts' },
];
const GRID =
  'grid grid-cols-[minmax(8rem,2fr)_6.5rem_5.5rem_5rem_4.5rem_8.5rem_minmax(6rem,1.2fr)_minmax(7rem,1.5fr)]';

/** The filtered set as rows: sortable by any column, virtualized, a row selects its node. */
export function TableView({ graph, full, selectedId, onSelect, viewer }: TableViewProps) {
  const display = viewer ? nodeDisplayFor(viewer) : null;
  const params = useUrlParams();
  const projects = useProjectNames();
  const sortParam = params.get('sort');
  const sort = useMemo(() => parseSort(sortParam), [sortParam]);
  const rows = useMemo(() => sortRows(tableRows(graph, full), sort), [graph, full, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer hands out fresh functions each render, which React Compiler cannot memoize; it skips
  // this component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const selectedIndex = selectedId ? rows.findIndex((r) => r.node.id === selectedId) : -1;

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const next = Math.min(rows.length - 1, Math.max(0, selectedIndex + (e.key === 'ArrowDown' ? 1 : -1)));
    const row = rows[next];
    if (row) onSelect(row.node.id);
  };

  return (
    <div
      role="grid"
      aria-label="Lineage table"
      aria-rowcount={rows.length + 1}
      aria-multiselectable={false}
      className="flex h-full min-h-0 flex-col text-sm"
      onKeyDown={onKeyDown}
    >
      <div
        role="rowgroup"
        className="border-b border-slate-300 bg-slate-100 dark:border-slate-600 dark:bg-slate-800"
      >
        <div role="row" aria-rowindex={1} className={`${GRID} gap-2 px-3`}>
          {COLUMNS.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                className="w-full py-1.5 text-left font-semibold hover:underline"
                onClick={() => setUrlParams({ sort: sortText(nextSort(sort, c.key)) })}
              >
                {c.label}
                <span aria-hidden="true" className="ml-1 text-xs text-slate-500">
                  {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          ))}
        </div>
      </div>
      {rows.length === 0 ? <p className="p-4 text-slate-500">Nothing matches the filters.</p> : null}
      <div ref={scroller} role="rowgroup" className="min-h-0 flex-1 overflow-auto">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const n = row.node;
            const selected = n.id === selectedId;
            return (
              <div
                key={n.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                aria-label={`${KIND_LABELS[n.kind]} ${n.name || n.id}`}
                tabIndex={selected || (selectedIndex < 0 && item.index === 0) ? 0 : -1}
                onClick={() => onSelect(n.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(n.id);
                  }
                }}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: item.size,
                  transform: `translateY(${item.start}px)`,
                }}
                className={`${GRID} cursor-pointer items-center gap-2 border-b border-slate-200 px-3 dark:border-slate-800 ${
                  selected ? 'bg-sky-100 dark:bg-sky-900' : 'hover:bg-slate-50 dark:hover:bg-slate-900'
                }`}
              >
                <div role="gridcell" className="truncate" title={n.id}>
                  {n.name || '(no name)'}
                </div>
                <div role="gridcell">{KIND_LABELS[n.kind]}</div>
                <div role="gridcell" className="truncate">
                  {n.status ?? ''}
                </div>
                <div
                  role="gridcell"
                  className={`truncate ${projects.nameOf(n.projectId) ? '' : 'font-mono text-xs'}`}
                  title={n.projectId ?? ''}
                >
                  {projects.nameOf(n.projectId) ?? n.projectId?.slice(0, 8) ?? ''}
                </div>
                <div role="gridcell" className="text-right tabular-nums">
                  {n.image ? formatBytes(n.sizeBytes) : ''}
                </div>
                <div role="gridcell" className="truncate tabular-nums">
                  {n.createdAt?.replace('T', ' ').slice(0, 16) ?? ''}
                </div>
                <div role="gridcell" className="truncate">
                  {row.parentName}
                </div>
                <div role="gridcell" className="flex gap-1 overflow-hidden">
                  {(display ? cardFacts(n.facts, display) : n.facts).map((f) => (
                    <FactBadge key={f.kind} fact={f} />
                  ))}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
