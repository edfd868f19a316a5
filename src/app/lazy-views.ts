/**
 * The views that need big libraries or are not on the first screen, each in a chunk of its own: the graph
 * (React Flow and d3), the table (TanStack Virtual), the insights' plots, the inspector, the actions. The
 * first chunk then holds React, TanStack Query, the lineage core and the app's frame, and evaluating it
 * stays one short task; the graph's chunk is asked for by the first render, while the first pages load.
 * Each is rendered inside a PanelBoundary (placeholder while loading, error panel with Retry on failure).
 */
import { lazyView } from '../components/lazy-view';

export const LineageGraphPanel = lazyView(() =>
  import('../features/lineage-graph/lineage-graph-panel').then((m) => m.LineageGraphPanel),
);
export const TableView = lazyView(() => import('../features/table-view/table-view').then((m) => m.TableView));
export const InsightsView = lazyView(() =>
  import('../features/insights/insights-view').then((m) => m.InsightsView),
);
export const InspectorPanel = lazyView(() =>
  import('../features/inspector/inspector-panel').then((m) => m.InspectorPanel),
);
export const CleanupView = lazyView(() =>
  import('../features/actions/cleanup-view').then((m) => m.CleanupView),
);
export const AuditLogView = lazyView(() =>
  import('../features/actions/audit-log-view').then((m) => m.AuditLogView),
);
export const NodeActionsPanel = lazyView(() =>
  import('../features/actions/node-actions-panel').then((m) => m.NodeActionsPanel),
);
