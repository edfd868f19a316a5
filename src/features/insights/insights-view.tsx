import { useMemo } from 'react';
import { familySummaries } from '../../lineage';
import type { LineageGraph, Viewer } from '../../lineage/types';
import { setUrlParams, useUrlParams } from '../../lib/url-state';
import { bucketByPeriod, type Period } from './plot-scales';
import { snapshotDates } from './snapshot-dates';
import { SnapshotsPlot } from './snapshots-plot';
import { StoragePlot } from './storage-plot';

/** The two plots over the filtered set; the period (`?per=week|month`) is kept in the URL. */
export function InsightsView({ graph, viewer }: { graph: LineageGraph; viewer: Viewer | undefined }) {
  const period: Period = useUrlParams().get('per') === 'week' ? 'week' : 'month';
  const families = useMemo(() => familySummaries(graph, viewer), [graph, viewer]);
  const buckets = useMemo(() => bucketByPeriod(snapshotDates(graph), period), [graph, period]);
  return (
    <div className="absolute inset-0 space-y-4 overflow-y-auto p-4">
      <StoragePlot families={families} />
      <SnapshotsPlot
        buckets={buckets}
        period={period}
        onPeriod={(p) => setUrlParams({ per: p === 'month' ? null : p })}
      />
    </div>
  );
}
