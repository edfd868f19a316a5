/** The downloadable report of a job: its JSON view, or a CSV of its items (bulk delete). */
import type { JobView } from '../../wire/jobs';

function csvCell(v: string | number | null | undefined): string {
  const s = v === undefined || v === null ? '' : String(v);
  // Formula injection: a cell a spreadsheet would evaluate gets a leading quote.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function jobReportCsv(job: JobView): string {
  const header = ['id', 'name', 'outcome', 'reason', 'status', 'request_id', 'ms', 'bytes', 'runs'];
  const rows =
    job.kind === 'bulk-delete'
      ? job.items.map((i) => [i.id, i.name, i.state, i.reason, i.status, i.requestId, i.ms, i.bytes, i.runs])
      : [
          [
            job.targetId ?? '',
            job.name,
            job.status,
            job.error ?? job.cleanup ?? job.stage,
            '',
            '',
            '',
            job.bytes,
            1,
          ],
        ];
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function jobReportJson(job: JobView): string {
  return (
    JSON.stringify(
      { report: 'glance-lineage job report', generatedAt: new Date().toISOString(), job },
      null,
      2,
    ) + '\n'
  );
}
