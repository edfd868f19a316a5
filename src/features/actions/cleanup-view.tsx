import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { jobKeys, jobQueries, startBulkDelete } from '../../api/jobs';
import { selectForRetention } from '../../lineage';
import type { LineageGraph, Viewer } from '../../lineage';
import { loadingMessage } from '../../lib/format-count';
import { setUrlParams, useUrlParams } from '../../lib/url-state';
import { BulkJobPanel } from './bulk-job-panel';
import { BulkTagsSection } from './bulk-tags-section';
import { describeRule, parseIds, toRetentionRule, type RuleDraft, type RuleKind } from './cleanup-rule';
import { formatBytes, plural } from './format';
import { ActionError, Button, ReadOnlyNote, Section } from './ui';
import { useActionData } from './use-action-data';

const RULES: { kind: RuleKind; label: string }[] = [
  { kind: 'orphans', label: 'Orphans' },
  { kind: 'older', label: 'Older than D days' },
  { kind: 'keep', label: 'Keep the newest N per server' },
  { kind: 'ids', label: 'The current selection' },
];

/** Bulk cleanup: a rule, its dry run, a confirmation with the count, then the proxy's job. */
export function CleanupView() {
  const data = useActionData();
  const params = useUrlParams();
  const jobId = params.get('job');
  return (
    <div className="absolute inset-0 overflow-y-auto p-4">
      <div className="mx-auto max-w-5xl space-y-4">
        <h2 className="text-lg font-semibold">Cleanup</h2>
        {data.readOnlyReason ? <ReadOnlyNote reason={data.readOnlyReason} /> : null}
        {jobId ? (
          <div className="space-y-2">
            <BulkJobPanel jobId={jobId} readOnlyReason={data.readOnlyReason} />
            <Button onClick={() => setUrlParams({ job: null }, { push: true })}>New cleanup</Button>
          </div>
        ) : data.failure ? (
          <ActionError title="Could not load the cloud" error={data.failure} />
        ) : !data.graph || !data.viewer ? (
          <p role="status">{loadingMessage({})}</p>
        ) : (
          <DryRun
            graph={data.graph}
            viewer={data.viewer}
            readOnlyReason={data.readOnlyReason}
            selected={params.get('selected')}
          />
        )}
        <JobList />
      </div>
    </div>
  );
}

function DryRun({
  graph,
  viewer,
  readOnlyReason,
  selected,
}: {
  graph: LineageGraph;
  viewer: Viewer;
  readOnlyReason: string | null;
  selected: string | null;
}) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<RuleDraft>({ kind: 'orphans', days: 30, keep: 2, ids: selected ?? '' });
  const [concurrency, setConcurrency] = useState(8);
  const [typed, setTyped] = useState('');
  const [now] = useState(() => Date.now());
  const plan = useMemo(
    () => selectForRetention(graph, toRetentionRule(draft, now), viewer),
    [graph, draft, now, viewer],
  );
  const count = plan.selected.length;
  // Tags apply to the whole selection, including images a delete would exclude (protected, in use).
  const tagIds = useMemo(
    () =>
      draft.kind === 'ids'
        ? parseIds(draft.ids).filter((id) => graph.nodes.get(id)?.image !== undefined)
        : plan.selected.map((s) => s.id),
    [draft, graph, plan],
  );
  const start = useMutation({
    mutationFn: () =>
      startBulkDelete(
        plan.selected.map((s) => s.id),
        concurrency,
      ),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: jobKeys.list() });
      setUrlParams({ job: r.jobId }, { push: true });
    },
  });
  const update = (patch: Partial<RuleDraft>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setTyped('');
  };

  return (
    <>
      <Section title="Rule">
        <fieldset className="flex flex-wrap items-center gap-4 text-sm">
          <legend className="sr-only">Which images</legend>
          {RULES.map((r) => (
            <label key={r.kind} className="inline-flex items-center gap-1">
              <input
                type="radio"
                name="rule"
                checked={draft.kind === r.kind}
                onChange={() => update({ kind: r.kind })}
              />
              {r.label}
            </label>
          ))}
        </fieldset>
        {draft.kind === 'older' ? (
          <label className="mt-2 block text-sm">
            Days{' '}
            <input
              type="number"
              min={0}
              aria-label="Days"
              value={draft.days}
              onChange={(e) => update({ days: Number(e.target.value) })}
              className="w-20 rounded border border-slate-300 px-1 dark:border-slate-600 dark:bg-slate-800"
            />
          </label>
        ) : null}
        {draft.kind === 'keep' ? (
          <label className="mt-2 block text-sm">
            Keep per server{' '}
            <input
              type="number"
              min={0}
              aria-label="Keep per server"
              value={draft.keep}
              onChange={(e) => update({ keep: Number(e.target.value) })}
              className="w-20 rounded border border-slate-300 px-1 dark:border-slate-600 dark:bg-slate-800"
            />
          </label>
        ) : null}
        {draft.kind === 'ids' ? (
          <label className="mt-2 block text-sm">
            Image ids (the selected node is filled in)
            <textarea
              aria-label="Image ids"
              value={draft.ids}
              onChange={(e) => update({ ids: e.target.value })}
              rows={3}
              className="mt-1 block w-full rounded border border-slate-300 px-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
            />
          </label>
        ) : null}
      </Section>

      <Section title="Dry run">
        <p aria-label="Dry run summary" className="text-sm">
          {describeRule(draft)}: {plural(count, 'image')} would be deleted, {formatBytes(plan.bytes)}{' '}
          reclaimed; {plural(plan.excluded.length, 'image')} excluded.
        </p>
        <div className="mt-2 max-h-72 overflow-auto">
          <table aria-label="Would be deleted" className="w-full text-left text-xs">
            <thead>
              <tr>
                <th>Image</th>
                <th>Size</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {plan.selected.map((s) => (
                <tr key={s.id} className="border-t border-slate-200 dark:border-slate-700">
                  <td className="py-0.5 pr-2 break-all">{s.name || s.id}</td>
                  <td className="pr-2 whitespace-nowrap">{formatBytes(s.bytes)}</td>
                  <td>{s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details className="mt-2 text-xs">
          <summary>Excluded ({plan.excluded.length}) and why</summary>
          <table aria-label="Excluded" className="w-full text-left">
            <tbody>
              {plan.excluded.map((x) => (
                <tr key={x.id} className="border-t border-slate-200 dark:border-slate-700">
                  <td className="py-0.5 pr-2 break-all">{x.name || x.id}</td>
                  <td>{x.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </Section>

      <BulkTagsSection ids={tagIds} disabledReason={readOnlyReason} />

      <Section title="Confirm">
        {count === 0 ? (
          <p className="text-sm text-slate-500">Nothing to delete.</p>
        ) : (
          <div className="flex flex-wrap items-end gap-3 text-sm">
            <label>
              Type {count} to confirm
              <input
                aria-label="Type the count to confirm"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                className="ml-1 w-20 rounded border border-slate-300 px-1 dark:border-slate-600 dark:bg-slate-800"
              />
            </label>
            <label>
              Concurrency{' '}
              <input
                type="number"
                min={1}
                max={32}
                aria-label="Concurrency"
                value={concurrency}
                onChange={(e) => setConcurrency(Math.min(32, Math.max(1, Number(e.target.value) || 1)))}
                className="w-16 rounded border border-slate-300 px-1 dark:border-slate-600 dark:bg-slate-800"
              />
            </label>
            <Button
              tone="danger"
              disabled={typed !== String(count) || start.isPending || readOnlyReason !== null}
              title={readOnlyReason ?? undefined}
              onClick={() => start.mutate()}
            >
              Delete {plural(count, 'image')}
            </Button>
          </div>
        )}
        {start.isError ? <ActionError title="The proxy refused the job" error={start.error} /> : null}
      </Section>
    </>
  );
}

function JobList() {
  const jobs = useQuery(jobQueries.list());
  if (!jobs.data || jobs.data.length === 0) return null;
  return (
    <Section title="Jobs in this proxy">
      <ul aria-label="Jobs" className="space-y-1 text-xs">
        {jobs.data.map((j) => (
          <li key={j.id}>
            {j.kind === 'bulk-delete' ? (
              <button
                type="button"
                className="underline"
                onClick={() => setUrlParams({ job: j.id }, { push: true })}
              >
                {j.id}
              </button>
            ) : (
              <span className="font-mono">{j.id}</span>
            )}{' '}
            · {j.kind} · {j.status} · {j.summary} · {j.user} · {j.createdAt}
          </li>
        ))}
      </ul>
    </Section>
  );
}
