/**
 * The main area's views, chosen by `?view=` in the URL: the lineage graph and the table (with the selected
 * node's details and actions in the inspector column, never over the graph), the bulk cleanup, and the audit log.
 */
import type { ReactNode } from 'react';
import { PanelBoundary } from '../components/panel-boundary';
import { InsightsPanel, InspectorColumn, TableViewPanel } from './data-views';
import { AuditLogView, CleanupView, NodeActionsPanel } from './lazy-views';
import { setUrlParams, useUrlParams } from '../lib/url-state';

type View = 'graph' | 'table' | 'insights' | 'cleanup' | 'audit';

const VIEWS: { id: View; label: string }[] = [
  { id: 'graph', label: 'Graph' },
  { id: 'table', label: 'Table' },
  { id: 'insights', label: 'Insights' },
  { id: 'cleanup', label: 'Cleanup' },
  { id: 'audit', label: 'Audit log' },
];

function currentView(v: string | null): View {
  return VIEWS.find((x) => x.id === v)?.id ?? 'graph';
}

export function ViewTabs() {
  const view = currentView(useUrlParams().get('view'));
  return (
    <nav aria-label="Views" className="flex gap-1 text-sm">
      {VIEWS.map((v) => (
        <button
          key={v.id}
          type="button"
          aria-current={view === v.id ? 'page' : undefined}
          onClick={() => setUrlParams({ view: v.id === 'graph' ? null : v.id }, { push: true })}
          className={`rounded px-2 py-0.5 ${view === v.id ? 'bg-slate-200 font-semibold dark:bg-slate-700' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
        >
          {v.label}
        </button>
      ))}
    </nav>
  );
}

/** The graph view is rendered by `graph`; the other views replace it. */
export function MainViews({ graph }: { graph: ReactNode }) {
  const view = currentView(useUrlParams().get('view'));
  if (view === 'cleanup')
    return (
      <PanelBoundary title="Could not show the cleanup">
        <CleanupView />
      </PanelBoundary>
    );
  if (view === 'audit')
    return (
      <PanelBoundary title="Could not show the audit log">
        <AuditLogView />
      </PanelBoundary>
    );
  if (view === 'insights')
    return (
      <PanelBoundary title="Could not show the insights">
        <InsightsPanel />
      </PanelBoundary>
    );
  // The graph and the table share the selection, shown in the inspector on the right.
  return (
    <div className="absolute inset-0 flex">
      <div className="relative min-w-0 flex-1">
        {view === 'table' ? (
          <PanelBoundary title="Could not show the table">
            <TableViewPanel />
          </PanelBoundary>
        ) : (
          graph
        )}
      </div>
      <InspectorColumn
        actions={
          <PanelBoundary title="Could not show the actions">
            <NodeActionsPanel />
          </PanelBoundary>
        }
      />
    </div>
  );
}
