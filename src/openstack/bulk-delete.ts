/**
 * Bulk image delete with a bounded worker pool and per-item results. Shared by the CLI (`clean --yes`)
 * and the proxy's bulk-delete job. Transport-agnostic: it only needs `getImage` and `deleteImage`
 * (GlanceClient has both), so it runs in Node and would run in a browser.
 *
 * For each confirmed item: GET the image (404 = already gone), refuse it if it became protected or if
 * `recheck` returns a reason, then DELETE it (404 = already gone). Network failures and 5xx are retried
 * up to `retries` times; anything else is reported as failed. One item's failure never throws.
 */
import { isOpenStackError } from './errors';
import type { GlanceImage } from './types';

export type BulkOutcome = 'deleted' | 'failed' | 'skipped' | 'already-gone' | 'cancelled';

export interface BulkItemResult {
  id: string;
  name: string;
  outcome: BulkOutcome;
  /** In words: why it was skipped or failed, or what happened. */
  reason: string;
  /** HTTP status of the last answer, when there was one. */
  status?: number;
  requestId?: string | null;
  /** Time spent on this item (GET + DELETE + retries). */
  ms: number;
}

/** What the bulk delete needs from a Glance client. */
export interface ImageDeleter {
  getImage(id: string): Promise<GlanceImage>;
  deleteImage(id: string): Promise<unknown>;
}

export interface BulkDeleteOptions {
  /** How many items are in flight at once (at least 1). */
  concurrency: number;
  /** Called with the image as it is now, right before its delete; returns a refusal reason or null. */
  recheck?: (image: GlanceImage) => string | null;
  signal?: AbortSignal;
  onItem?: (result: BulkItemResult) => void;
  /** Extra attempts after a network failure or a 5xx (default 2). */
  retries?: number;
  /** Wait before the first retry, doubled for each further one (default 200 ms). */
  retryDelayMs?: number;
}

interface Failure {
  status: number | undefined;
  requestId: string | null;
  message: string;
  retryable: boolean;
  notFound: boolean;
}

function describeFailure(e: unknown): Failure {
  if (isOpenStackError(e)) {
    const { status, requestId, message, code } = e.envelope;
    const retryable =
      status >= 500 || status === 0 || code === 'upstream_unreachable' || code === 'upstream_timeout';
    return { status: status || undefined, requestId, message, retryable, notFound: status === 404 };
  }
  if (e instanceof Error && e.name === 'AbortError')
    return { status: undefined, requestId: null, message: 'cancelled', retryable: false, notFound: false };
  // A raw fetch failure (connection reset, DNS): the request may or may not have reached the service.
  const message = e instanceof Error ? e.message : String(e);
  return { status: undefined, requestId: null, message, retryable: true, notFound: false };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Runs `op`, retrying network failures and 5xx. Resolves with the value or the last failure. */
async function withRetries<T>(
  op: () => Promise<T>,
  retries: number,
  delayMs: number,
  signal: AbortSignal | undefined,
): Promise<{ ok: true; value: T; attempts: number } | { ok: false; failure: Failure; attempts: number }> {
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      return { ok: true, value: await op(), attempts };
    } catch (e) {
      const failure = describeFailure(e);
      if (!failure.retryable || attempts > retries || signal?.aborted)
        return { ok: false, failure, attempts };
      await sleep(delayMs * 2 ** (attempts - 1), signal);
      if (signal?.aborted) return { ok: false, failure, attempts };
    }
  }
}

async function deleteOne(
  glance: ImageDeleter,
  item: { id: string; name: string },
  opts: BulkDeleteOptions,
): Promise<Omit<BulkItemResult, 'ms'>> {
  const { id, name } = item;
  const retries = opts.retries ?? 2;
  const delay = opts.retryDelayMs ?? 200;
  const cancelled = { id, name, outcome: 'cancelled' as const, reason: 'cancelled before it started' };
  if (opts.signal?.aborted) return cancelled;

  const got = await withRetries(() => glance.getImage(id), retries, delay, opts.signal);
  if (!got.ok) {
    const { failure } = got;
    if (failure.notFound)
      return {
        id,
        name,
        outcome: 'already-gone',
        reason: 'the image no longer exists',
        status: 404,
        requestId: failure.requestId,
      };
    if (opts.signal?.aborted) return cancelled;
    return {
      id,
      name,
      outcome: 'failed',
      reason: `could not re-read the image before deleting it: ${failure.message}`,
      status: failure.status,
      requestId: failure.requestId,
    };
  }
  const image = got.value;
  if (image.id !== id)
    return {
      id,
      name,
      outcome: 'skipped',
      reason: `Glance answered with another image (${image.id}); not deleted`,
    };
  if (image.protected)
    return { id, name, outcome: 'skipped', reason: 'the image is protected now; not deleted' };
  const refusal = opts.recheck?.(image) ?? null;
  if (refusal !== null) return { id, name, outcome: 'skipped', reason: refusal };
  if (opts.signal?.aborted) return cancelled;

  const del = await withRetries(() => glance.deleteImage(id), retries, delay, opts.signal);
  if (del.ok) return { id, name, outcome: 'deleted', reason: 'deleted', status: 204 };
  const { failure } = del;
  if (failure.notFound) {
    // After a lost answer, a 404 on the retry means our own earlier attempt deleted it.
    if (del.attempts > 1)
      return {
        id,
        name,
        outcome: 'deleted',
        reason: 'deleted (the first answer was lost; the retry found it gone)',
        status: 404,
        requestId: failure.requestId,
      };
    return {
      id,
      name,
      outcome: 'already-gone',
      reason: 'the image was already deleted',
      status: 404,
      requestId: failure.requestId,
    };
  }
  const tries = del.attempts > 1 ? ` (after ${del.attempts} attempts)` : '';
  return {
    id,
    name,
    outcome: 'failed',
    reason: `${failure.message}${tries}`,
    status: failure.status,
    requestId: failure.requestId,
  };
}

/**
 * Deletes the given images, at most `concurrency` at a time. Results come back in the order of `items`;
 * `onItem` sees each as it finishes. A repeated id is reported once as skipped and never deleted twice.
 */
export async function runBulkDelete(
  glance: ImageDeleter,
  items: readonly { id: string; name: string }[],
  opts: BulkDeleteOptions,
): Promise<BulkItemResult[]> {
  const results: (BulkItemResult | undefined)[] = new Array<BulkItemResult | undefined>(items.length);
  const seen = new Set<string>();
  const queue: number[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      const r: BulkItemResult = { ...item, outcome: 'skipped', reason: 'listed twice; handled once', ms: 0 };
      results[i] = r;
      opts.onItem?.(r);
    } else {
      seen.add(item.id);
      queue.push(i);
    }
  });

  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = queue[next++];
      if (index === undefined) return;
      const item = items[index];
      if (!item) continue;
      const started = performance.now();
      let partial: Omit<BulkItemResult, 'ms'>;
      try {
        partial = await deleteOne(glance, item, opts);
      } catch (e) {
        partial = { id: item.id, name: item.name, outcome: 'failed', reason: describeFailure(e).message };
      }
      const result: BulkItemResult = { ...partial, ms: Math.round(performance.now() - started) };
      results[index] = result;
      try {
        opts.onItem?.(result);
      } catch {
        // A failing progress callback must not stop the other deletes.
      }
    }
  };
  const width = Math.max(1, Math.min(Math.floor(opts.concurrency) || 1, queue.length));
  await Promise.all(Array.from({ length: width }, worker));
  return results.map(
    (r, i) =>
      r ?? {
        id: items[i]?.id ?? '',
        name: items[i]?.name ?? '',
        outcome: 'failed',
        reason: 'not run',
        ms: 0,
      },
  );
}
