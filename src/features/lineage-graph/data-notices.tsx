import type { DataProblem } from '../../lineage/types';
import { describeError } from '../../lib/describe-error';

interface DataNoticesProps {
  problems: readonly DataProblem[];
  /** Deleted servers could not be listed (not fatal: some parents then show as unknown). */
  deletedServersError: unknown;
}

/** Problems in the data itself and partial listings, said once above the graph, never hidden. */
export function DataNotices({ problems, deletedServersError }: DataNoticesProps) {
  if (problems.length === 0 && deletedServersError === null) return null;
  return (
    <div
      role="note"
      aria-label="Data notices"
      className="border-b border-amber-300 bg-amber-50 px-3 py-1 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      {deletedServersError !== null ? (
        <p>
          Deleted servers could not be listed ({describeError(deletedServersError).message}): the parents of
          some snapshots show as unknown.
        </p>
      ) : null}
      {problems.length > 0 ? (
        <details>
          <summary className="cursor-pointer">
            {problems.length === 1 ? '1 problem in the data' : `${problems.length} problems in the data`}{' '}
            (cycles, self-references, duplicate ids): shown, never followed
          </summary>
          <ul className="mt-1 list-disc pl-5">
            {problems.slice(0, 50).map((p, i) => (
              <li key={`${p.kind}-${i}`}>{p.message}</li>
            ))}
            {problems.length > 50 ? <li>… and {problems.length - 50} more</li> : null}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
