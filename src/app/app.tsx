import type { QueryClient } from '@tanstack/react-query';
import { CopyLinkButton } from '../features/lineage-graph/copy-link-button';
import { useSettlePolling } from '../api/settle-polling';
import { PanelBoundary } from '../components/panel-boundary';
import { useUrlParams } from '../lib/url-state';
import { DataStatus } from './data-status';
import { Header } from './header';
import { ExportBar } from './data-views';
import { LineageGraphPanel } from './lazy-views';
import { LineageModelProvider } from './lineage-model-provider';
import { MainViews, ViewTabs } from './main-views';
import { ProjectNamesProvider } from './project-names-provider';
import { Providers } from './providers';

/** The whole app. Tests pass their own QueryClient (no retries). */
export function App({ queryClient }: { queryClient?: QueryClient } = {}) {
  return (
    <Providers client={queryClient}>
      <ProjectNamesProvider>
        <SettlePolling />
        <LineageModelProvider>
          <div className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
            <Header />
            <ViewBar />
            <main className="relative min-h-0 flex-1">
              <MainViews
                graph={
                  <PanelBoundary title="Could not show the lineage graph">
                    <LineageGraphPanel />
                  </PanelBoundary>
                }
              />
            </main>
          </div>
        </LineageModelProvider>
      </ProjectNamesProvider>
    </Providers>
  );
}

/** The view tabs, and the link to and the export of what the graph, table and insights show. */
function ViewBar() {
  const view = useUrlParams().get('view') ?? 'graph';
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-1">
      <ViewTabs />
      <DataStatus />
      {view === 'graph' || view === 'table' || view === 'insights' ? (
        <div className="ml-auto flex items-center gap-3">
          <CopyLinkButton />
          <ExportBar graphOnScreen={view === 'graph'} />
        </div>
      ) : null}
    </div>
  );
}

/** Polls the listings while anything is transitional (queued, saving, BUILD, a snapshot being taken). */
function SettlePolling(): null {
  useSettlePolling();
  return null;
}
