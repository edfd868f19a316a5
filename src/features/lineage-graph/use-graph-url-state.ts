import { useCallback, useMemo } from 'react';
import type { FactKind, NodeKind } from '../../lineage/types';
import { FACT_LABELS, KIND_LABELS } from '../../lib/labels';
import { setUrlParams, useUrlParams } from '../../lib/url-state';
import type { GraphFilter } from './graph-filter';

const isKind = (v: string | null): v is NodeKind => v !== null && v in KIND_LABELS;
const isFact = (v: string | null): v is FactKind => v !== null && v in FACT_LABELS;

export interface GraphUrlState {
  selectedId: string | null;
  query: string;
  /** Nodes whose subtree is folded away. */
  collapsed: ReadonlySet<string>;
  toggleCollapsed: (id: string) => void;
  filter: GraphFilter;
  select: (id: string | null) => void;
  setQuery: (q: string) => void;
  setFilter: (patch: Partial<GraphFilter>) => void;
}

/** Selection, search and filters live in the URL, so a view can be shared as a link. */
export function useGraphUrlState(): GraphUrlState {
  const params = useUrlParams();
  const selectedId = params.get('selected');
  const query = params.get('q') ?? '';
  const kind = params.get('kind');
  const fact = params.get('fact');
  const project = params.get('project');
  const tag = params.get('tag');
  const collapsedParam = params.get('collapsed') ?? '';
  const collapsed = useMemo(() => new Set(collapsedParam.split(',').filter(Boolean)), [collapsedParam]);
  const toggleCollapsed = useCallback(
    (id: string) => {
      const next = new Set(collapsed);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      setUrlParams({ collapsed: [...next].join(',') });
    },
    [collapsed],
  );
  const filter = useMemo(
    (): GraphFilter => ({ kind: isKind(kind) ? kind : null, fact: isFact(fact) ? fact : null, project, tag }),
    [kind, fact, project, tag],
  );
  const select = useCallback((id: string | null) => setUrlParams({ selected: id }, { push: true }), []);
  const setQuery = useCallback((q: string) => setUrlParams({ q }), []);
  const setFilter = useCallback((patch: Partial<GraphFilter>) => {
    const out: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(patch)) out[k] = v ?? null;
    setUrlParams(out);
  }, []);
  return { selectedId, query, collapsed, toggleCollapsed, filter, select, setQuery, setFilter };
}
