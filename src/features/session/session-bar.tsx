import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '../../api/session';
import { Badge } from '../../components/badge';
import { describeError } from '../../lib/describe-error';

/** Who is looking at which cloud: cloud, project, user, roles, and the demo / read-only badges. */
export function SessionBar() {
  const session = useQuery(sessionQueries.current());

  if (session.isPending) return <p className="text-sm text-slate-500">Connecting…</p>;
  if (session.isError) {
    const e = describeError(session.error);
    return (
      <div role="alert" className="flex items-center gap-2 text-sm text-red-700 dark:text-red-300">
        <span>Session unavailable: {e.message}</span>
        {e.requestId ? <code className="text-xs">{e.requestId}</code> : null}
        <button type="button" className="underline" onClick={() => void session.refetch()}>
          Retry
        </button>
      </div>
    );
  }

  const s = session.data;
  return (
    <dl aria-label="Session" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      {s.mode === 'demo' ? (
        <Badge
          tone="warn"
          title="No cloud is configured: the data comes from the built-in OpenStack simulator."
        >
          Demo cloud (built-in simulator)
        </Badge>
      ) : null}
      {s.readOnly ? (
        <Badge tone="info" title="Nothing done here can change the cloud.">
          Read-only
        </Badge>
      ) : null}
      <SessionField label="Cloud" value={s.region ? `${s.cloud} (${s.region})` : s.cloud} />
      <SessionField label="Project" value={s.project?.name ?? '(unscoped)'} />
      <SessionField label="User" value={s.user.name} />
      <SessionField label="Roles" value={s.roles.join(', ') || 'none'} />
    </dl>
  );
}

function SessionField({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-1">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
