import type { ReactNode } from 'react';
import type { FactKind, NodeKind } from '../../lineage/types';
import { FACT_LABELS, KIND_LABELS } from '../../lib/labels';
import { useProjectNames } from '../../lib/project-names';
import type { GraphFilter } from './graph-filter';
import { compareText } from '../../lib/compare-text';

interface GraphToolbarProps {
  query: string;
  matchCount: number;
  /** 0-based index of the match in focus, or -1. */
  matchIndex: number;
  filter: GraphFilter;
  choices: { projects: string[]; tags: string[] };
  shown: number;
  total: number;
  onQuery: (q: string) => void;
  onNextMatch: (step: 1 | -1) => void;
  onFilter: (patch: Partial<GraphFilter>) => void;
  /** Extra tools at the end of the bar (export, share). */
  children?: ReactNode;
}

/** Compact enough that search, four filters and the selection's tools fit one line beside the inspector at 1280 px. */
const selectClass =
  'w-[6.25rem] truncate rounded border border-slate-300 bg-white px-1 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

function FilterSelect<T extends string>(props: {
  label: string;
  anyLabel: string;
  value: T | null;
  options: readonly { value: T; label: string }[];
  onChange: (v: T | null) => void;
}) {
  return (
    <label className="flex items-center gap-1">
      <span className="sr-only">{props.label}</span>
      <select
        aria-label={props.label}
        title={`${props.label}: ${props.options.find((o) => o.value === props.value)?.label ?? props.anyLabel}`}
        className={selectClass}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value === '' ? null : (e.target.value as T))}
      >
        <option value="">{props.anyLabel}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const KIND_OPTIONS = (Object.keys(KIND_LABELS) as NodeKind[]).map((k) => ({
  value: k,
  label: KIND_LABELS[k],
}));
const FACT_OPTIONS = (Object.keys(FACT_LABELS) as FactKind[]).map((k) => ({
  value: k,
  label: FACT_LABELS[k],
}));

function matchLabel(count: number, index: number): string {
  if (count === 0) return 'No match';
  if (index < 0) return count === 1 ? '1 match' : `${count} matches`;
  return `${index + 1} of ${count}`;
}

/** Search (name, id, key=value) and filters (kind, fact, project, tag) above the graph. */
export function GraphToolbar(props: GraphToolbarProps) {
  const { query, matchCount, matchIndex, filter, choices, onFilter } = props;
  const projects = useProjectNames();
  const projectOptions = choices.projects
    .map((p) => ({ value: p, label: projects.label(p) }))
    .sort((a, b) => compareText(a.label, b.label));
  return (
    <div
      role="toolbar"
      aria-label="Graph tools"
      className="flex flex-wrap items-center gap-1.5 border-b border-slate-200 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <form
        role="search"
        className="flex max-w-72 min-w-36 flex-1 items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          props.onNextMatch(1);
        }}
      >
        <input
          type="search"
          aria-label="Search by name, id or key=value"
          placeholder="Search name, id, key=value"
          title="Search by name, id or key=value (Enter: next match, Shift+Enter: previous)"
          value={query}
          onChange={(e) => props.onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.shiftKey) {
              e.preventDefault();
              props.onNextMatch(-1);
            }
          }}
          className="w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
        />
        {query.trim() !== '' ? (
          <span role="status" className="text-xs whitespace-nowrap text-slate-600 dark:text-slate-300">
            {matchLabel(matchCount, matchIndex)}
          </span>
        ) : null}
        <button
          type="button"
          className="rounded border border-slate-300 px-1.5 py-0.5 disabled:opacity-40 dark:border-slate-600"
          disabled={matchCount === 0}
          onClick={() => props.onNextMatch(-1)}
          aria-label="Previous match"
        >
          ↑
        </button>
        <button
          type="submit"
          className="rounded border border-slate-300 px-1.5 py-0.5 disabled:opacity-40 dark:border-slate-600"
          disabled={matchCount === 0}
          aria-label="Next match"
        >
          ↓
        </button>
      </form>
      <FilterSelect
        label="Kind"
        anyLabel="All kinds"
        value={filter.kind}
        options={KIND_OPTIONS}
        onChange={(kind) => onFilter({ kind })}
      />
      <FilterSelect
        label="Fact"
        anyLabel="Any facts"
        value={filter.fact}
        options={FACT_OPTIONS}
        onChange={(fact) => onFilter({ fact })}
      />
      <FilterSelect
        label="Project"
        anyLabel="All projects"
        value={filter.project}
        options={projectOptions}
        onChange={(project) => onFilter({ project })}
      />
      <FilterSelect
        label="Tag"
        anyLabel="Any tag"
        value={filter.tag}
        options={choices.tags.map((t) => ({ value: t, label: t }))}
        onChange={(tag) => onFilter({ tag })}
      />
      {props.children}
      <span className="ml-auto whitespace-nowrap text-slate-500" aria-live="polite">
        {props.total === 0
          ? ''
          : props.shown === props.total
            ? `${props.total} nodes`
            : `${props.shown} of ${props.total} nodes`}
      </span>
    </div>
  );
}
