import type { LineageGraph } from '../../lineage/types';

/** Node kinds counted as snapshots: images Nova (or Cinder, for volume-backed servers) made of a server. */
const SNAPSHOT_KINDS: ReadonlySet<string> = new Set(['snapshot', 'backup', 'volume-snapshot']);

/** Creation dates of the snapshots (and backups) in a graph. */
export function snapshotDates(graph: LineageGraph): string[] {
  const out: string[] = [];
  for (const n of graph.nodes.values()) if (SNAPSHOT_KINDS.has(n.kind) && n.createdAt) out.push(n.createdAt);
  return out;
}
