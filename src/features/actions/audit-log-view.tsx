import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AUDIT_EXPORT_URL, auditQueries, type AuditFilter, type AuditOutcome } from '../../api/audit';
import { ActionError, Button } from './ui';

const OUTCOMES: (AuditOutcome | '')[] = ['', 'ok', 'error', 'refused'];

/** The proxy's audit log: every mutation (UI, CLI through the proxy, jobs), filterable and exportable. */
export function AuditLogView() {
  const [filter, setFilter] = useState<AuditFilter>({ action: '', outcome: '', q: '', limit: 500 });
  const entries = useQuery({ ...auditQueries.list(filter), refetchInterval: 5000 });
  const field = 'rounded border border-slate-300 px-1 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-800';
  return (
    <div className="absolute inset-0 overflow-y-auto p-4">
      <div className="mx-auto max-w-6xl space-y-3">
        <h2 className="text-lg font-semibold">Audit log</h2>
        <form className="flex flex-wrap items-end gap-3 text-sm" onSubmit={(e) => e.preventDefault()}>
          <label>
            Action{' '}
            <input
              aria-label="Action"
              placeholder="image.delete"
              value={filter.action}
              onChange={(e) => setFilter({ ...filter, action: e.target.value })}
              className={field}
            />
          </label>
          <label>
            Outcome{' '}
            <select
              aria-label="Outcome"
              value={filter.outcome}
              onChange={(e) => setFilter({ ...filter, outcome: e.target.value as AuditOutcome | '' })}
              className={field}
            >
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {o || 'any'}
                </option>
              ))}
            </select>
          </label>
          <label>
            Search{' '}
            <input
              aria-label="Search the audit log"
              placeholder="id, user, project"
              value={filter.q}
              onChange={(e) => setFilter({ ...filter, q: e.target.value })}
              className={field}
            />
          </label>
          <Button onClick={() => void entries.refetch()}>Refresh</Button>
          <a
            href={AUDIT_EXPORT_URL}
            download
            className="rounded border border-slate-300 px-2.5 py-1 dark:border-slate-600"
          >
            Export (JSON lines)
          </a>
        </form>
        {entries.isError ? <ActionError title="Could not read the audit log" error={entries.error} /> : null}
        {entries.data ? (
          <table aria-label="Audit entries" className="w-full text-left text-xs">
            <thead>
              <tr>
                <th>Time</th>
                <th>User</th>
                <th>Project</th>
                <th>Action</th>
                <th>Targets</th>
                <th>Outcome</th>
                <th>Request id</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.map((e, i) => (
                <tr
                  key={`${e.time}-${i}`}
                  className="border-t border-slate-200 align-top dark:border-slate-700"
                >
                  <td className="pr-2 whitespace-nowrap">{e.time}</td>
                  <td className="pr-2">{e.user}</td>
                  <td className="pr-2">{e.project ?? ''}</td>
                  <td className="pr-2">{e.action}</td>
                  <td className="pr-2 font-mono break-all">{e.targets.join(', ')}</td>
                  <td className="pr-2">
                    {e.outcome} {e.status ? `(${e.status})` : ''} {e.code ?? ''}
                  </td>
                  <td className="font-mono break-all">{e.requestId ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p role="status">Reading the audit log…</p>
        )}
        {entries.data?.length === 0 ? <p>No entries match.</p> : null}
      </div>
    </div>
  );
}
