/**
 * The proxy's job API (`/api/jobs`): bulk delete and deployable copy run in the proxy, the browser starts
 * them and polls their status. The view types are the proxy's own (src/wire/jobs.ts).
 */
import { queryOptions } from '@tanstack/react-query';
import { readJson } from '../openstack/response';
import { noteDeletedImages } from './pending-deletions';
import { APP_HEADER } from './proxy-transport';
import type {
  BulkDeleteJobView,
  CopyJobView,
  JobCommand,
  JobStatus,
  JobSummary,
  JobView,
} from '../wire/jobs';

export type {
  BulkDeleteJobView,
  BulkItemView,
  BulkProgress,
  CopyJobView,
  CopyStage,
  ItemState,
  JobCommand,
  JobKind,
  JobStatus,
  JobSummary,
  JobView,
} from '../wire/jobs';
export type { BulkOutcome } from '../openstack/bulk-delete';

/** A job still moving (worth polling). */
export function isJobActive(status: JobStatus): boolean {
  return status === 'running' || status === 'cancelling';
}

async function post<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { [APP_HEADER]: '1', 'Content-Type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return readJson<T>('proxy', res);
}

export function startBulkDelete(
  ids: string[],
  concurrency: number,
): Promise<{ jobId: string; job: BulkDeleteJobView }> {
  return post('/api/jobs/bulk-delete', { ids, concurrency });
}

export function startCopyImage(
  sourceId: string,
  name?: string,
): Promise<{ jobId: string; job: CopyJobView }> {
  return post('/api/jobs/copy-image', { sourceId, ...(name ? { name } : {}) });
}

export function jobCommand(id: string, cmd: JobCommand): Promise<JobView> {
  return post(`/api/jobs/${encodeURIComponent(id)}/${cmd}`);
}

export async function getJob(id: string, signal?: AbortSignal): Promise<JobView> {
  const job = await readJson<JobView>(
    'proxy',
    await fetch(`/api/jobs/${encodeURIComponent(id)}`, { signal }),
  );
  // Images a bulk job deleted leave the shown listing on the next (incremental) refresh.
  if (job.kind === 'bulk-delete')
    noteDeletedImages(
      job.items.filter((i) => i.state === 'deleted' || i.state === 'already-gone').map((i) => i.id),
    );
  return job;
}

export async function listJobs(signal?: AbortSignal): Promise<JobSummary[]> {
  return (await readJson<{ jobs: JobSummary[] }>('proxy', await fetch('/api/jobs', { signal }))).jobs;
}

export function jobReportUrl(id: string, format: 'json' | 'csv'): string {
  return `/api/jobs/${encodeURIComponent(id)}/report${format === 'csv' ? '?format=csv' : ''}`;
}

export const jobKeys = {
  all: ['jobs'] as const,
  list: () => [...jobKeys.all, 'list'] as const,
  detail: (id: string) => [...jobKeys.all, 'detail', id] as const,
};

const POLL_MS = 500;

export const jobQueries = {
  list: () =>
    queryOptions({
      queryKey: jobKeys.list(),
      queryFn: ({ signal }) => listJobs(signal),
      staleTime: 0,
      refetchInterval: (q) => (q.state.data?.some((j) => isJobActive(j.status)) ? POLL_MS * 2 : false),
    }),
  /** Polls while the job is moving; stops once it is paused or finished. */
  detail: (id: string) =>
    queryOptions({
      queryKey: jobKeys.detail(id),
      queryFn: ({ signal }) => getJob(id, signal),
      staleTime: 0,
      refetchInterval: (q) => (q.state.data && !isJobActive(q.state.data.status) ? false : POLL_MS),
    }),
};
