/**
 * What the job API answers (`GET /api/jobs`, `GET /api/jobs/:id`): plain JSON views of the jobs the
 * proxy runs. Shared by the proxy (src/server/jobs) and the browser (src/api/jobs.ts).
 */
import type { BulkOutcome } from '../openstack/bulk-delete';

export type JobKind = 'bulk-delete' | 'copy-image';

export type JobCommand = 'pause' | 'resume' | 'cancel' | 'retry';

/** running → (paused ↔ running) → done; cancelling → cancelled; a copy can also end failed. */
export type JobStatus = 'running' | 'paused' | 'cancelling' | 'cancelled' | 'done' | 'failed';

export type ItemState = 'pending' | 'running' | BulkOutcome;

export interface BulkItemView {
  id: string;
  name: string;
  state: ItemState;
  /** In words: why it was skipped or failed, or what happened. */
  reason: string;
  status?: number;
  requestId?: string | null;
  ms?: number;
  /** Size of the image when it was re-read just before its delete. */
  bytes?: number;
  /** How many times the job ran it (a retry adds one). */
  runs: number;
}

export interface BulkProgress {
  total: number;
  /** Items that reached an outcome. */
  settled: number;
  running: number;
  pending: number;
  deleted: number;
  failed: number;
  skipped: number;
  alreadyGone: number;
  cancelled: number;
  bytesReclaimed: number;
}

export interface JobBase {
  id: string;
  kind: JobKind;
  status: JobStatus;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** Who started it (the session's user) and where. */
  user: string;
  cloud: string;
  project: string | null;
}

export interface BulkDeleteJobView extends JobBase {
  kind: 'bulk-delete';
  concurrency: number;
  progress: BulkProgress;
  items: BulkItemView[];
}

export type CopyStage = 'reading' | 'creating' | 'copying' | 'verifying' | 'done' | 'cleaning-up';

export interface CopyJobView extends JobBase {
  kind: 'copy-image';
  sourceId: string;
  sourceName: string;
  name: string;
  /** The new image, once created. */
  targetId: string | null;
  stage: CopyStage;
  bytes: number;
  totalBytes: number | null;
  /** Bytes per second, averaged since the copy started. */
  rate: number;
  carried: string[];
  dropped: string[];
  error: string | null;
  /** What happened to the half-made image after a cancel or a failure. */
  cleanup: string | null;
}

export type JobView = BulkDeleteJobView | CopyJobView;

export interface JobSummary {
  id: string;
  kind: JobKind;
  status: JobStatus;
  createdAt: string;
  finishedAt: string | null;
  user: string;
  /** One line: "12/40 deleted, 1 failed" or "copying 30 MiB of 100 MiB". */
  summary: string;
}
