/** The jobs of one proxy process, by id. A page reload finds them here; a proxy restart forgets them. */
import type { BulkDeleteJob } from './bulk-delete-job';
import type { CopyImageJob } from './copy-image-job';
import type { JobSummary } from '../../wire/jobs';

export type Job = BulkDeleteJob | CopyImageJob;

/** Finished jobs beyond this many are forgotten, oldest first (running ones never are). */
const KEEP_FINISHED = 200;

function summarize(job: Job): JobSummary {
  const v = job.view();
  let summary: string;
  if (v.kind === 'bulk-delete') {
    const p = v.progress;
    summary =
      `${p.deleted}/${p.total} deleted` +
      (p.failed ? `, ${p.failed} failed` : '') +
      (p.skipped ? `, ${p.skipped} skipped` : '') +
      (p.alreadyGone ? `, ${p.alreadyGone} already gone` : '') +
      (p.cancelled ? `, ${p.cancelled} cancelled` : '');
  } else {
    summary = `copy of ${v.sourceName || v.sourceId} → ${v.name}: ${v.stage}, ${v.bytes} of ${v.totalBytes ?? '?'} bytes`;
  }
  return {
    id: v.id,
    kind: v.kind,
    status: v.status,
    createdAt: v.createdAt,
    finishedAt: v.finishedAt,
    user: v.user,
    summary,
  };
}

/**
 * Jobs belong to whoever started them (the Keystone user id): in team mode one person can neither see nor
 * steer another's job. In personal and demo mode there is one user, so this changes nothing.
 */
export class JobRegistry {
  readonly #jobs = new Map<string, Job>();
  readonly #owners = new Map<string, string>();

  newId(): string {
    return `job-${crypto.randomUUID()}`;
  }

  add(job: Job, owner: string): void {
    this.#jobs.set(job.id, job);
    this.#owners.set(job.id, owner);
    const finished = [...this.#jobs.values()].filter((j) => j.view().finishedAt !== null);
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      this.#jobs.delete(old.id);
      this.#owners.delete(old.id);
    }
  }

  /** The job, when `owner` started it. */
  get(id: string, owner: string): Job | undefined {
    return this.#owners.get(id) === owner ? this.#jobs.get(id) : undefined;
  }

  /** `owner`'s jobs, newest first. */
  list(owner: string): JobSummary[] {
    return [...this.#jobs.values()]
      .filter((j) => this.#owners.get(j.id) === owner)
      .reverse()
      .map(summarize);
  }

  all(): Job[] {
    return [...this.#jobs.values()];
  }
}
