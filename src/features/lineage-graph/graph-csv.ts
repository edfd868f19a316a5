import type { LineageGraph } from '../../lineage/types';

const COLUMNS = [
  'id',
  'name',
  'kind',
  'status',
  'project',
  'parent',
  'root',
  'created',
  'size_bytes',
  'facts',
];

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The nodes of a (filtered) graph as CSV, one row per node, facts as "kind: reason" joined by "; ". */
export function graphToCsv(graph: LineageGraph): string {
  const rows = [COLUMNS.join(',')];
  for (const n of graph.nodes.values()) {
    const facts = n.facts.map((f) => `${f.kind}: ${f.reason}`).join('; ');
    const cells = [
      n.id,
      n.name,
      n.kind,
      n.status ?? '',
      n.projectId ?? '',
      n.parentId ?? '',
      n.rootId ?? '',
      n.createdAt ?? '',
      n.sizeBytes === null ? '' : String(n.sizeBytes),
      facts,
    ];
    rows.push(cells.map(csvField).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
