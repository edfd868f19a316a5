import type { QueryClient } from '@tanstack/react-query';
import { LineageGraphPanel } from '../features/lineage-graph/lineage-graph-panel';
import { PanelBoundary } from '../components/panel-boundary';
import { Header } from './header';
import { MainViews, ViewTabs } from './main-views';
import { Providers } from './providers';

/** The whole app. Tests pass their own QueryClient (no retries). */
export function App({ queryClient }: { queryClient?: QueryClient } = {}) {
  return (
    <Providers client={queryClient}>
      <div className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <Header />
        <ViewTabs />
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
    </Providers>
  );
}
