import type { Fact, LineageGraph, LineageNode } from '../../lineage/types';

/** The columns of an export, in order; the JSON objects carry the same keys. */
export const EXPORT_COLUMNS = [
  'id',
  'name',
  'kind',
  'project',
  'status',
  'size_bytes',
  'created',
  'parent',
  'root',
  'facts',
] as const;

export interface ExportRow {
  id: string;
  name: string;
  kind: string;
  project: string | null;
  status: string | null;
  size_bytes: number | null;
  created: string | null;
  parent: string | null;
  root: string | null;
  facts: Fact[];
}

export function exportRow(node: LineageNode): ExportRow {
  return {
    id: node.id,
    name: node.name,
    kind: node.kind,
    project: node.projectId,
    status: node.status,
    size_bytes: node.sizeBytes,
    created: node.createdAt,
    parent: node.parentId,
    root: node.rootId,
    facts: node.facts.map((f) => ({ kind: f.kind, reason: f.reason })),
  };
}

/** Every node of a (filtered) graph, in the graph's own order. */
export function exportRows(graph: LineageGraph): ExportRow[] {
  return [...graph.nodes.values()].map(exportRow);
}

/**
 * One CSV cell. A cell a spreadsheet would read as a formula (starting with = + - @, or a tab or carriage
 * return) gets a leading apostrophe; a cell holding a comma, quote or line break is quoted (RFC 4180).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Facts in one cell: "orphan: server tmp-1 (2f84eac3) was deleted; protected: ...". */
export function factsText(facts: readonly Fact[]): string {
  return facts.map((f) => `${f.kind}: ${f.reason}`).join('; ');
}

function cellText(row: ExportRow, column: (typeof EXPORT_COLUMNS)[number]): string {
  if (column === 'facts') return factsText(row.facts);
  const value = row[column];
  return value === null ? '' : String(value);
}

/** The rows as CSV with a header line, CRLF line ends (what spreadsheets expect). */
export function rowsToCsv(rows: readonly ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map((c) => csvCell(cellText(row, c))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The rows as pretty JSON (an array of objects, facts as {kind, reason}). */
export function rowsToJson(rows: readonly ExportRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
