/**
 * The proxy's bulk-delete job: deletes a confirmed set of images, at most `concurrency` at a time, with
 * pause/resume/cancel/retry and a per-item outcome. Each item goes through `runBulkDelete` (re-read the image,
 * refuse it if it is no longer safe, DELETE, retry 5xx/network failures, a 404 after a lost answer counts
 * as deleted); the refusal check recomputes the lineage facts from a fresh read of the cloud.
 *
 * Safety: the set is fixed when the job is created (ids deduplicated), an item is run again only by an
 * explicit retry of a failed item, and every run re-reads the image first, so nothing outside the set is
 * ever deleted and nothing is deleted twice.
 */
import type { Viewer } from '../../lineage';
import { runBulkDelete, type BulkItemResult, type ImageDeleter } from '../../openstack/bulk-delete';
import type { FreshLineageSource } from './fresh-lineage';
import type { JobAudit } from './job-audit';
import type { BulkDeleteJobView, BulkItemView, BulkProgress, JobStatus } from '../../wire/jobs';
import type { JobCommand } from '../../wire/jobs';
import { recheckImage, type ConfirmedItem } from './recheck';

export const MAX_CONCURRENCY = 32;
export const DEFAULT_CONCURRENCY = 8;
/** The server list behind the re-check is at most this old when an item is deleted. */
export const DEFAULT_RECHECK_MAX_AGE_MS = 2000;

export interface BulkDeleteJobOptions {
  id: string;
  glance: ImageDeleter;
  fresh: FreshLineageSource;
  viewer: Viewer;
  items: readonly { id: string; name: string }[];
  confirmed: ReadonlyMap<string, ConfirmedItem>;
  concurrency: number;
  recheckMaxAgeMs?: number;
  retries?: number;
  retryDelayMs?: number;
  audit: JobAudit;
  who: { user: string; cloud: string; project: string | null };
  now?: () => Date;
}

export class BulkDeleteJob {
  readonly id: string;
  readonly kind = 'bulk-delete' as const;
  readonly #o: BulkDeleteJobOptions;
  readonly #items: BulkItemView[];
  readonly #queue: BulkItemView[] = [];
  #status: JobStatus = 'running';
  #active = 0;
  #abort = new AbortController();
  readonly #createdAt: string;
  #updatedAt: string;
  #finishedAt: string | null = null;
  #idle: (() => void)[] = [];

  constructor(opts: BulkDeleteJobOptions) {
    this.#o = opts;
    this.id = opts.id;
    const seen = new Set<string>();
    this.#items = [];
    for (const it of opts.items) {
      if (seen.has(it.id)) continue;
      seen.add(it.id);
      this.#items.push({ id: it.id, name: it.name, state: 'pending', reason: 'waiting', runs: 0 });
    }
    this.#createdAt = this.#now();
    this.#updatedAt = this.#createdAt;
  }

  get status(): JobStatus {
    return this.#status;
  }

  get concurrency(): number {
    return Math.max(1, Math.min(MAX_CONCURRENCY, Math.floor(this.#o.concurrency) || 1));
  }

  start(): void {
    this.#audit(
      'job.bulk-delete.start',
      this.#items.map((i) => i.id),
    );
    this.#queue.push(...this.#items);
    this.#pump();
  }

  /** Applies a command; returns why it cannot be applied now, or null. */
  command(cmd: JobCommand): string | null {
    const s = this.#status;
    switch (cmd) {
      case 'pause':
        if (s !== 'running') return `cannot pause a job that is ${s}`;
        this.#status = 'paused';
        break;
      case 'resume':
        if (s !== 'paused') return `cannot resume a job that is ${s}`;
        this.#status = 'running';
        break;
      case 'cancel': {
        if (s !== 'running' && s !== 'paused') return `cannot cancel a job that is ${s}`;
        this.#status = 'cancelling';
        const dropped = this.#queue.splice(0);
        for (const item of dropped)
          this.#settle(item, { state: 'cancelled', reason: 'cancelled before it started' });
        this.#abort.abort();
        this.#audit(
          'job.bulk-delete.cancel',
          dropped.map((i) => i.id),
        );
        break;
      }
      case 'retry': {
        if (s !== 'done' && s !== 'cancelled') return `cannot retry while the job is ${s}`;
        const failed = this.#items.filter((i) => i.state === 'failed');
        if (failed.length === 0) return 'no failed items to retry';
        for (const item of failed) Object.assign(item, { state: 'pending', reason: 'waiting (retry)' });
        this.#queue.push(...failed);
        this.#abort = new AbortController();
        this.#status = 'running';
        this.#finishedAt = null;
        this.#audit(
          'job.bulk-delete.retry',
          failed.map((i) => i.id),
        );
        break;
      }
    }
    if (cmd === 'pause' || cmd === 'resume') this.#audit(`job.bulk-delete.${cmd}`, []);
    this.#touch();
    this.#pump();
    return null;
  }

  /** Resolves when nothing is in flight and the job is not running (done, paused, cancelled). */
  whenIdle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  view(): BulkDeleteJobView {
    return {
      id: this.id,
      kind: 'bulk-delete',
      status: this.#status,
      createdAt: this.#createdAt,
      updatedAt: this.#updatedAt,
      finishedAt: this.#finishedAt,
      ...this.#o.who,
      concurrency: this.concurrency,
      progress: this.progress(),
      items: this.#items.map((i) => ({ ...i })),
    };
  }

  progress(): BulkProgress {
    const p: BulkProgress = {
      total: this.#items.length,
      settled: 0,
      running: 0,
      pending: 0,
      deleted: 0,
      failed: 0,
      skipped: 0,
      alreadyGone: 0,
      cancelled: 0,
      bytesReclaimed: 0,
    };
    for (const i of this.#items) {
      if (i.state === 'pending') p.pending++;
      else if (i.state === 'running') p.running++;
      else {
        p.settled++;
        if (i.state === 'deleted') {
          p.deleted++;
          p.bytesReclaimed += i.bytes ?? 0;
        } else if (i.state === 'failed') p.failed++;
        else if (i.state === 'skipped') p.skipped++;
        else if (i.state === 'already-gone') p.alreadyGone++;
        else p.cancelled++;
      }
    }
    return p;
  }

  #now(): string {
    return (this.#o.now?.() ?? new Date()).toISOString();
  }

  #touch(): void {
    this.#updatedAt = this.#now();
  }

  #isIdle(): boolean {
    return this.#active === 0 && this.#status !== 'running' && this.#status !== 'cancelling';
  }

  #pump(): void {
    while (this.#status === 'running' && this.#active < this.concurrency) {
      const item = this.#queue.shift();
      if (!item) break;
      this.#active++;
      void this.#run(item).finally(() => {
        this.#active--;
        this.#pump();
      });
    }
    if (this.#active > 0) return;
    if (this.#status === 'running' && this.#queue.length === 0) this.#finish('done');
    else if (this.#status === 'cancelling') this.#finish('cancelled');
    if (this.#isIdle()) for (const resolve of this.#idle.splice(0)) resolve();
  }

  #finish(status: 'done' | 'cancelled'): void {
    this.#status = status;
    this.#finishedAt = this.#now();
    this.#touch();
    const p = this.progress();
    this.#audit(`job.bulk-delete.${status}`, [], p.failed > 0 ? 'error' : 'ok');
  }

  async #run(item: BulkItemView): Promise<void> {
    Object.assign(item, { state: 'running', reason: 'running' });
    item.runs++;
    this.#touch();
    const signal = this.#abort.signal;
    try {
      let fresh;
      try {
        fresh = await this.#o.fresh.get(this.#o.recheckMaxAgeMs ?? DEFAULT_RECHECK_MAX_AGE_MS);
      } catch (e) {
        this.#settle(item, {
          state: 'failed',
          reason: `could not re-read the cloud before deleting it: ${e instanceof Error ? e.message : String(e)}`,
        });
        return;
      }
      if (signal.aborted) {
        this.#settle(item, { state: 'cancelled', reason: 'cancelled before it started' });
        return;
      }
      let bytes: number | undefined;
      const [result] = await runBulkDelete(this.#o.glance, [{ id: item.id, name: item.name }], {
        concurrency: 1,
        signal,
        ...(this.#o.retries !== undefined ? { retries: this.#o.retries } : {}),
        ...(this.#o.retryDelayMs !== undefined ? { retryDelayMs: this.#o.retryDelayMs } : {}),
        recheck: (image) => {
          bytes = image.size ?? 0;
          return recheckImage(image, this.#o.confirmed.get(image.id), fresh.graph, this.#o.viewer);
        },
      });
      if (!result) throw new Error('no result for the item');
      this.#settleResult(item, result, bytes);
    } catch (e) {
      this.#settle(item, { state: 'failed', reason: e instanceof Error ? e.message : String(e) });
    }
  }

  #settleResult(item: BulkItemView, r: BulkItemResult, bytes: number | undefined): void {
    this.#settle(item, {
      state: r.outcome,
      reason: r.reason,
      ms: r.ms,
      ...(r.status !== undefined ? { status: r.status } : {}),
      ...(r.requestId !== undefined ? { requestId: r.requestId } : {}),
      ...(r.outcome === 'deleted' && bytes !== undefined ? { bytes } : {}),
    });
    if (r.outcome === 'cancelled') return;
    const outcome = r.outcome === 'failed' ? 'error' : r.outcome === 'skipped' ? 'refused' : 'ok';
    this.#o.audit({
      action: 'image.delete',
      method: 'DELETE',
      path: `/v2/images/${item.id}`,
      targets: [item.id],
      outcome,
      status: r.status ?? (r.outcome === 'skipped' ? 409 : 0),
      requestId: r.requestId ?? this.id,
      ...(r.outcome === 'skipped'
        ? { code: 'recheck_refused' }
        : r.outcome === 'already-gone'
          ? { code: 'already_gone' }
          : r.outcome === 'failed'
            ? { code: 'delete_failed' }
            : {}),
    });
  }

  #settle(item: BulkItemView, patch: Partial<BulkItemView> & Pick<BulkItemView, 'state' | 'reason'>): void {
    Object.assign(item, patch);
    this.#touch();
  }

  #audit(action: string, targets: string[], outcome: 'ok' | 'error' = 'ok'): void {
    this.#o.audit({
      action,
      method: 'POST',
      path: `/api/jobs/${this.id}`,
      targets,
      outcome,
      status: 200,
      requestId: this.id,
    });
  }
}
