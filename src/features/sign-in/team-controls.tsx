/** Header controls of team mode: who is signed in, the project switcher, and sign-out. Nothing in personal mode. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../lib/describe-error';
import { forgetPersonData, signOut, switchProject, teamKeys, teamQueries, type TeamStatus } from './team-api';

export function TeamControls() {
  const client = useQueryClient();
  const status = useQuery(teamQueries.status());
  const signedIn = status.data?.team === true && status.data.signedIn;
  const projects = useQuery({ ...teamQueries.projects(), enabled: signedIn });

  const out = useMutation({
    mutationFn: signOut,
    onSettled: () => {
      const s = client.getQueryData<TeamStatus>(teamKeys.status());
      client.setQueryData<TeamStatus>(teamKeys.status(), {
        team: true,
        cloud: s?.cloud ?? '',
        signedIn: false,
      });
      forgetPersonData(client);
      client.removeQueries({ queryKey: teamKeys.projects() });
    },
  });
  const change = useMutation({
    mutationFn: switchProject,
    onSuccess: async () => {
      // Everything on screen belongs to the old project: reset it (visible queries refetch at once).
      await Promise.all([
        client.resetQueries({ predicate: (q) => q.queryKey[0] !== teamKeys.all[0] }),
        client.invalidateQueries({ queryKey: teamKeys.all }),
      ]);
    },
  });

  if (!signedIn || !status.data) return null;
  const list = projects.data;
  const error = change.isError ? describeError(change.error) : null;
  return (
    <div className="flex items-center gap-3 text-sm">
      {list && list.canSwitch && list.projects.length > 1 ? (
        <label className="flex items-center gap-1">
          <span className="text-slate-500 dark:text-slate-400">Switch project</span>
          <select
            aria-label="Switch project"
            className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
            value={list.current ?? ''}
            disabled={change.isPending}
            onChange={(e) => change.mutate(e.target.value)}
          >
            {list.current === null ? <option value="">(choose a project)</option> : null}
            {list.projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {error ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {error.message}
        </span>
      ) : null}
      <button
        type="button"
        onClick={() => out.mutate()}
        disabled={out.isPending}
        className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Sign out {status.data.user?.name ?? ''}
      </button>
    </div>
  );
}
