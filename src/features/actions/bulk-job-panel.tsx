import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { refreshAfterChange } from '../../api/image-actions';
import {
  isJobActive,
  jobCommand,
  jobKeys,
  jobQueries,
  jobReportUrl,
  type BulkDeleteJobView,
  type JobCommand,
} from '../../api/jobs';
import { formatBytes } from './format';
import { ActionError, Button, ProgressBar, Section } from './ui';

const SHOWN_ITEMS = 500;
const STATE_ORDER: Record<string, number> = {
  failed: 0,
  running: 1,
  skipped: 2,
  pending: 3,
  cancelled: 4,
  'already-gone': 5,
  deleted: 6,
};

/** A bulk-delete job as the proxy reports it: progress, controls, per-item outcome, report. */
export function BulkJobPanel({ jobId, readOnlyReason }: { jobId: string; readOnlyReason: string | null }) {
  const qc = useQueryClient();
  const job = useQuery(jobQueries.detail(jobId));
  const command = useMutation({
    mutationFn: (cmd: JobCommand) => jobCommand(jobId, cmd),
    onSuccess: (view) => {
      qc.setQueryData(jobKeys.detail(jobId), view);
      void qc.invalidateQueries({ queryKey: jobKeys.list() });
    },
  });
  const status = job.data?.status;
  useEffect(() => {
    if (status && !isJobActive(status)) void refreshAfterChange(qc);
  }, [status, qc]);

  if (job.isError) return <ActionError title="Could not read the job" error={job.error} />;
  if (!job.data) return <p role="status">Reading the job…</p>;
  if (job.data.kind !== 'bulk-delete')
    return (
      <p>
        Job {jobId} is a {job.data.kind} job.
      </p>
    );
  const v: BulkDeleteJobView = job.data;
  const p = v.progress;
  const items = [...v.items].sort((a, b) => (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9));
  const can = (cmd: JobCommand): boolean =>
    readOnlyReason === null &&
    !command.isPending &&
    (cmd === 'pause'
      ? v.status === 'running'
      : cmd === 'resume'
        ? v.status === 'paused'
        : cmd === 'cancel'
          ? v.status === 'running' || v.status === 'paused'
          : (v.status === 'done' || v.status === 'cancelled') && p.failed > 0);
  return (
    <Section title="Bulk delete job">
      <div aria-label="Bulk delete job" className="space-y-2 text-sm">
        <p>
          <span className="font-mono text-xs">{v.id}</span> · started by {v.user} · concurrency{' '}
          {v.concurrency} ·{' '}
          <span aria-label="Job status" className="font-semibold">
            {v.status}
          </span>
        </p>
        <ProgressBar label="Bulk delete progress" value={p.settled} max={p.total} />
        <p aria-label="Job counts">
          {p.settled}/{p.total} done: {p.deleted} deleted, {p.failed} failed, {p.skipped} skipped,{' '}
          {p.alreadyGone} already gone, {p.cancelled} cancelled · {formatBytes(p.bytesReclaimed)} reclaimed
        </p>
        <div className="flex flex-wrap gap-2">
          {(['pause', 'resume', 'cancel', 'retry'] as const).map((cmd) => (
            <Button
              key={cmd}
              tone={cmd === 'cancel' ? 'danger' : 'plain'}
              disabled={!can(cmd)}
              title={readOnlyReason ?? undefined}
              onClick={() => command.mutate(cmd)}
            >
              {cmd === 'retry' ? `Retry ${p.failed} failed` : cmd[0]!.toUpperCase() + cmd.slice(1)}
            </Button>
          ))}
          <a
            className="rounded border border-slate-300 px-2.5 py-1 text-sm dark:border-slate-600"
            href={jobReportUrl(v.id, 'json')}
            download
          >
            Report (JSON)
          </a>
          <a
            className="rounded border border-slate-300 px-2.5 py-1 text-sm dark:border-slate-600"
            href={jobReportUrl(v.id, 'csv')}
            download
          >
            Report (CSV)
          </a>
        </div>
        {command.isError ? <ActionError title="The job refused the command" error={command.error} /> : null}
        <div className="max-h-80 overflow-auto">
          <table aria-label="Job items" className="w-full text-left text-xs">
            <thead>
              <tr>
                <th>Image</th>
                <th>Outcome</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {items.slice(0, SHOWN_ITEMS).map((i) => (
                <tr
                  key={i.id}
                  data-state={i.state}
                  className="border-t border-slate-200 dark:border-slate-700"
                >
                  <td className="py-0.5 pr-2 break-all">{i.name || i.id}</td>
                  <td className="pr-2">{i.state}</td>
                  <td className="break-words">
                    {i.reason}
                    {i.status ? ` (HTTP ${i.status})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {items.length > SHOWN_ITEMS ? (
            <p>…and {items.length - SHOWN_ITEMS} more (see the report).</p>
          ) : null}
        </div>
      </div>
    </Section>
  );
}
