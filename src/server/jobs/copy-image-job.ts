/**
 * The proxy's "deployable copy" job: a new image planned by the lineage engine (properties carried over,
 * provenance written), its data streamed from Glance's download straight into the new image's upload,
 * chunk by chunk, never through the browser and never buffered whole. Progress counts the bytes as they
 * pass. Cancel (or a failure) deletes the half-made image.
 */
import { planDeployableCopy } from '../../lineage';
import { isOpenStackError } from '../../openstack/errors';
import type { GlanceClient } from '../../openstack/glance';
import type { GlanceImage } from '../../openstack/types';
import type { JobAudit } from './job-audit';
import type { CopyJobView, CopyStage, JobStatus } from '../../wire/jobs';

export interface CopyImageJobOptions {
  id: string;
  glance: GlanceClient;
  sourceId: string;
  /** Name of the new image; default `<source>-deployable`. */
  name?: string;
  audit: JobAudit;
  who: { user: string; cloud: string; project: string | null };
  now?: () => Date;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function requestIdOf(e: unknown): string | null {
  return isOpenStackError(e) ? e.envelope.requestId : null;
}

export class CopyImageJob {
  readonly id: string;
  readonly kind = 'copy-image' as const;
  readonly #o: CopyImageJobOptions;
  #status: JobStatus = 'running';
  #stage: CopyStage = 'reading';
  #sourceName = '';
  #name: string;
  #targetId: string | null = null;
  #bytes = 0;
  #total: number | null = null;
  #copyStarted = 0;
  #copyMs = 0;
  #carried: string[] = [];
  #dropped: string[] = [];
  #error: string | null = null;
  #cleanup: string | null = null;
  readonly #abort = new AbortController();
  readonly #createdAt: string;
  #updatedAt: string;
  #finishedAt: string | null = null;
  #done: Promise<void> = Promise.resolve();

  constructor(opts: CopyImageJobOptions) {
    this.#o = opts;
    this.id = opts.id;
    this.#name = opts.name ?? '';
    this.#createdAt = this.#now();
    this.#updatedAt = this.#createdAt;
  }

  get status(): JobStatus {
    return this.#status;
  }

  start(): void {
    this.#done = this.#run();
  }

  /** Resolves when the job has ended (done, failed or cancelled, cleanup included). */
  whenIdle(): Promise<void> {
    return this.#done;
  }

  command(cmd: string): string | null {
    if (cmd !== 'cancel') return `a copy job can only be cancelled, not ${cmd}d`;
    if (this.#status !== 'running') return `cannot cancel a job that is ${this.#status}`;
    this.#status = 'cancelling';
    this.#touch();
    this.#abort.abort();
    return null;
  }

  view(): CopyJobView {
    const ms = this.#copyStarted ? this.#copyMs || performance.now() - this.#copyStarted : 0;
    return {
      id: this.id,
      kind: 'copy-image',
      status: this.#status,
      createdAt: this.#createdAt,
      updatedAt: this.#updatedAt,
      finishedAt: this.#finishedAt,
      ...this.#o.who,
      sourceId: this.#o.sourceId,
      sourceName: this.#sourceName,
      name: this.#name,
      targetId: this.#targetId,
      stage: this.#stage,
      bytes: this.#bytes,
      totalBytes: this.#total,
      rate: ms > 0 ? Math.round((this.#bytes * 1000) / ms) : 0,
      carried: [...this.#carried],
      dropped: [...this.#dropped],
      error: this.#error,
      cleanup: this.#cleanup,
    };
  }

  #now(): string {
    return (this.#o.now?.() ?? new Date()).toISOString();
  }

  #touch(): void {
    this.#updatedAt = this.#now();
  }

  #stageTo(stage: CopyStage): void {
    this.#stage = stage;
    this.#touch();
  }

  #audit(
    action: string,
    method: string,
    path: string,
    targets: string[],
    outcome: 'ok' | 'error',
    status: number,
    requestId: string | null,
    code?: string,
  ): void {
    this.#o.audit({
      action,
      method,
      path,
      targets,
      outcome,
      status,
      requestId: requestId ?? this.id,
      ...(code ? { code } : {}),
    });
  }

  async #run(): Promise<void> {
    const { glance, sourceId } = this.#o;
    const signal = this.#abort.signal;
    this.#audit('job.copy-image.start', 'POST', `/api/jobs/${this.id}`, [sourceId], 'ok', 200, null);
    try {
      const source: GlanceImage = await glance.getImage(sourceId, { signal });
      this.#sourceName = source.name ?? '';
      if (source.status !== 'active')
        throw new Error(`the source image is ${source.status}, not active: it has no data to copy`);
      const plan = planDeployableCopy(source, {
        now: this.#now(),
        by: this.#o.who.user,
        ...(this.#o.name ? { name: this.#o.name } : {}),
      });
      this.#name = typeof plan.create.name === 'string' ? plan.create.name : this.#name;
      this.#carried = plan.carried;
      this.#dropped = plan.dropped;
      this.#total = source.size;
      this.#checkCancelled();

      this.#stageTo('creating');
      try {
        const created = await glance.createImage(plan.create);
        this.#targetId = created.id;
        this.#audit('image.create', 'POST', '/v2/images', [created.id, sourceId], 'ok', 201, null);
      } catch (e) {
        this.#audit(
          'image.create',
          'POST',
          '/v2/images',
          [sourceId],
          'error',
          isOpenStackError(e) ? e.status : 0,
          requestIdOf(e),
          'copy_create_failed',
        );
        throw e;
      }
      this.#checkCancelled();

      this.#stageTo('copying');
      const targetId = this.#targetId;
      this.#copyStarted = performance.now();
      const download = await glance.downloadData(sourceId, { signal });
      if (download.status === 204 || !download.body)
        throw new Error('Glance has no data for the source image');
      const counter = new TransformStream<Uint8Array, Uint8Array>({
        transform: (chunk, controller) => {
          this.#bytes += chunk.byteLength;
          this.#touch();
          controller.enqueue(chunk);
        },
      });
      try {
        await glance.uploadData(targetId, download.body.pipeThrough(counter, { signal }), {
          signal,
          ...(source.size !== null ? { size: source.size } : {}),
        });
        this.#audit(
          'image.upload',
          'PUT',
          `/v2/images/${targetId}/file`,
          [targetId, sourceId],
          'ok',
          204,
          null,
        );
      } catch (e) {
        this.#audit(
          'image.upload',
          'PUT',
          `/v2/images/${targetId}/file`,
          [targetId, sourceId],
          'error',
          isOpenStackError(e) ? e.status : 0,
          requestIdOf(e),
          signal.aborted ? 'cancelled' : 'copy_upload_failed',
        );
        throw e;
      }
      this.#copyMs = performance.now() - this.#copyStarted;
      this.#checkCancelled();

      this.#stageTo('verifying');
      const made = await glance.getImage(targetId);
      if (source.checksum && made.checksum && made.checksum !== source.checksum)
        throw new Error(`the copy's checksum ${made.checksum} differs from the source's ${source.checksum}`);
      this.#stageTo('done');
      this.#end('done');
    } catch (e) {
      if (this.#copyStarted && !this.#copyMs) this.#copyMs = performance.now() - this.#copyStarted;
      const cancelled = signal.aborted;
      if (!cancelled) this.#error = message(e);
      await this.#deleteHalfMade();
      this.#end(cancelled ? 'cancelled' : 'failed');
    }
  }

  #checkCancelled(): void {
    if (this.#abort.signal.aborted) throw new Error('cancelled');
  }

  async #deleteHalfMade(): Promise<void> {
    const id = this.#targetId;
    if (!id) {
      this.#cleanup = 'no image had been created';
      return;
    }
    this.#stageTo('cleaning-up');
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.#o.glance.deleteImage(id);
        this.#cleanup = `the half-made image ${id} was deleted`;
        this.#audit('image.delete', 'DELETE', `/v2/images/${id}`, [id], 'ok', 204, null);
        return;
      } catch (e) {
        if (isOpenStackError(e) && e.status === 404) {
          this.#cleanup = `the half-made image ${id} is already gone`;
          return;
        }
        if (attempt === 2) {
          this.#cleanup = `could not delete the half-made image ${id}: ${message(e)}`;
          this.#audit(
            'image.delete',
            'DELETE',
            `/v2/images/${id}`,
            [id],
            'error',
            isOpenStackError(e) ? e.status : 0,
            requestIdOf(e),
            'cleanup_failed',
          );
        }
      }
    }
  }

  #end(status: 'done' | 'failed' | 'cancelled'): void {
    this.#status = status;
    this.#finishedAt = this.#now();
    this.#touch();
    this.#audit(
      `job.copy-image.${status}`,
      'POST',
      `/api/jobs/${this.id}`,
      [this.#o.sourceId, ...(this.#targetId && status === 'done' ? [this.#targetId] : [])],
      status === 'done' || status === 'cancelled' ? 'ok' : 'error',
      200,
      null,
      status === 'failed' ? 'copy_failed' : undefined,
    );
  }
}
