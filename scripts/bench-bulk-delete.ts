/**
 * Section "Bulk delete" (lab only): 500 of the run's own queued images deleted through the app's bulk path
 * (`runBulkDelete` over a Keystone session, concurrency 8: GET to re-check, then DELETE, per image), 500
 * more with raw concurrent DELETEs at concurrency 8 (the floor), and 10 with the seed document's pipeline,
 * one `openstack image delete <id>` process per image (extrapolated per image). When the proxy has the job
 * API, 500 more go through `POST /api/jobs/bulk-delete` (what the browser's Cleanup view starts: it also
 * re-reads the cloud's lineage to confirm the set), timed from the POST until the job is done.
 *
 * The job re-checks every item against a fresh lineage and refuses queued images (transitional), so its
 * images are orphan-like snapshots instead: ACTIVE (a few bytes uploaded), `image_type=snapshot` and an
 * `instance_uuid` of a server that does not exist, which an admin looking at all projects sees as orphans.
 * 500 more of those go through raw concurrent DELETEs too: the floor for the same kind of image.
 */
import { randomUUID } from 'node:crypto';
import { runBulkDelete } from '../src/openstack/bulk-delete';
import type { BulkDeleteJobView } from '../src/wire/jobs';
import type { GlanceImage } from '../src/openstack/types';
import { labPool, NO_CLOUD, rawDeleteImage, type Lab } from './bench-lab';
import { startLabProxy } from './bench-loading';
import { freePort, mapBounded, ratio, runCommand, table, timeIt } from './bench-util';

const BULK = 500;
const PIPELINE_SAMPLE = 10;
const CONCURRENCY = 8;

const APP = { 'Content-Type': 'application/json', 'X-Glance-Lineage': '1' };

/** A few bytes of image data: enough for Glance to make the image ACTIVE. */
const DATA = new TextEncoder().encode('glance-lineage bench orphan snapshot\n');

/**
 * `count` orphan-like snapshots named `<prefix>orphan-NNNN`: created with `image_type=snapshot` and the
 * `instance_uuid` of a server that never existed, then made ACTIVE by uploading a few bytes. Every image
 * whose create answered is returned, also when a later step failed (the sweep deletes them by prefix).
 */
async function createOrphanSnapshots(
  lab: Lab,
  prefix: string,
  count: number,
): Promise<{ images: GlanceImage[]; failed: number }> {
  const names = Array.from({ length: count }, (_, i) => `${prefix}orphan-${String(i).padStart(4, '0')}`);
  let failed = 0;
  const made = await mapBounded(names, CONCURRENCY, async (name) => {
    try {
      const image = await lab.glance.createImage({
        name,
        disk_format: 'raw',
        container_format: 'bare',
        visibility: 'private',
        image_type: 'snapshot',
        instance_uuid: randomUUID(),
      });
      await lab.glance.uploadData(image.id, DATA);
      return image;
    } catch {
      failed++;
      return null;
    }
  });
  return { images: made.filter((m): m is GlanceImage => m !== null), failed };
}

/** POST /api/jobs/bulk-delete, then polls the job until it is no longer running; `ms` is POST → done. */
async function deleteThroughJobApi(
  baseUrl: string,
  ids: string[],
): Promise<{ ms: number; value: BulkDeleteJobView | string }> {
  const base = `${baseUrl}/api/jobs`;
  const t0 = performance.now();
  const res = await fetch(`${base}/bulk-delete`, {
    method: 'POST',
    headers: APP,
    body: JSON.stringify({ ids, concurrency: CONCURRENCY, allProjects: true }),
  });
  const done = (value: BulkDeleteJobView | string) => ({ ms: performance.now() - t0, value });
  if (res.status === 404) return done('this proxy has no job API');
  if (res.status !== 202) return done(`POST /api/jobs/bulk-delete: ${res.status} ${await res.text()}`);
  const { jobId } = (await res.json()) as { jobId: string };
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    const job = (await (
      await fetch(`${base}/${encodeURIComponent(jobId)}`, { headers: APP })
    ).json()) as BulkDeleteJobView;
    if (job.status !== 'running' && job.status !== 'cancelling') return done(job);
  }
}

export async function benchBulkDelete(): Promise<string> {
  const pool = await labPool();
  if (!pool) return NO_CLOUD;
  const seeded = await pool.ensure(2 * BULK + PIPELINE_SAMPLE);
  const notes: string[] = [];
  if (seeded.created > 0)
    notes.push(
      `  (created ${seeded.created} queued images ${pool.prefix}NNNN in ${(seeded.ms / 1000).toFixed(1)} s, ${CONCURRENCY} at a time)`,
    );

  const forApp = pool.take(BULK).map((img) => ({ id: img.id, name: img.name ?? '' }));
  const app = await timeIt(() => runBulkDelete(pool.lab.glance, forApp, { concurrency: CONCURRENCY }));
  const outcomes = new Map<string, number>();
  for (const r of app.value) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);

  const forRaw = pool.take(BULK);
  const raw = await timeIt(() =>
    mapBounded(forRaw, CONCURRENCY, (img) => rawDeleteImage(pool.lab.raw, img.id)),
  );
  const rawGone = raw.value.filter((s) => s === 204).length;

  const orphans = await timeIt(() => createOrphanSnapshots(pool.lab, pool.prefix, 2 * BULK));
  notes.push(
    `  (created ${orphans.value.images.length} ACTIVE orphan snapshots ${pool.prefix}orphan-NNNN for the ACTIVE floor and the job API in ${(orphans.ms / 1000).toFixed(1)} s, create + upload ${CONCURRENCY} at a time${orphans.value.failed > 0 ? `; ${orphans.value.failed} failed` : ''})`,
  );
  // Half for a raw floor on the same kind of image (an ACTIVE image's DELETE also removes its data).
  const forRawActive = orphans.value.images.slice(0, BULK);
  const rawActive = await timeIt(() =>
    mapBounded(forRawActive, CONCURRENCY, (img) => rawDeleteImage(pool.lab.raw, img.id)),
  );
  const rawActiveGone = rawActive.value.filter((s) => s === 204).length;
  const forJob = orphans.value.images.slice(BULK).map((img) => img.id);
  const port = await freePort(4440);
  const proxy = await startLabProxy(port);
  const job = await deleteThroughJobApi(`http://127.0.0.1:${port}`, forJob).finally(() => proxy.stop());
  const jobDone = typeof job.value === 'string' ? null : job.value;
  const skipReasons = new Map<string, number>();
  for (const item of jobDone?.items ?? [])
    if (item.state === 'skipped' || item.state === 'failed')
      skipReasons.set(
        `${item.state}: ${item.reason}`,
        (skipReasons.get(`${item.state}: ${item.reason}`) ?? 0) + 1,
      );
  for (const [why, n] of skipReasons) notes.push(`  job API ${n} x ${why}`);
  /** Only a job that deleted all 500 is comparable with the other paths. */
  const jobView = jobDone && jobDone.progress.deleted === BULK ? jobDone : null;

  const forCli = pool.take(PIPELINE_SAMPLE);
  let cliMs = 0;
  let cliOk = 0;
  let cliNote = '';
  for (const img of forCli) {
    const r = await runCommand('openstack', ['image', 'delete', img.id]).catch(() => null);
    if (!r) {
      cliNote = 'openstack CLI not installed';
      break;
    }
    cliMs += r.ms;
    if (r.code === 0) cliOk++;
    else cliNote = `openstack image delete failed: ${r.stderr.trim().split('\n').pop() ?? ''}`;
  }

  const appPer = app.ms / BULK;
  const rawPer = raw.ms / BULK;
  const cliPer = cliOk > 0 ? cliMs / cliOk : NaN;
  const rows = [
    ['path', 'images', 'wall', 'per image', 'result'],
    [
      `app: runBulkDelete, concurrency ${CONCURRENCY}`,
      String(BULK),
      `${(app.ms / 1000).toFixed(2)} s`,
      `${appPer.toFixed(1)} ms`,
      [...outcomes].map(([k, v]) => `${v} ${k}`).join(', '),
    ],
    [
      `floor: raw DELETE, concurrency ${CONCURRENCY}`,
      String(BULK),
      `${(raw.ms / 1000).toFixed(2)} s`,
      `${rawPer.toFixed(1)} ms`,
      `${rawGone} x 204`,
    ],
    [
      `floor: raw DELETE of ACTIVE orphan snapshots, concurrency ${CONCURRENCY}`,
      String(forRawActive.length),
      `${(rawActive.ms / 1000).toFixed(2)} s`,
      forRawActive.length > 0 ? `${(rawActive.ms / forRawActive.length).toFixed(1)} ms` : '-',
      `${rawActiveGone} x 204`,
    ],
    [
      `app: job API via the proxy, concurrency ${CONCURRENCY}`,
      String(forJob.length),
      jobDone ? `${(job.ms / 1000).toFixed(2)} s` : '-',
      jobDone && forJob.length > 0 ? `${(job.ms / forJob.length).toFixed(1)} ms` : '-',
      jobDone
        ? `${jobDone.status}: ${jobDone.progress.deleted} deleted, ${jobDone.progress.failed} failed, ${jobDone.progress.skipped} skipped`
        : typeof job.value === 'string'
          ? job.value
          : '-',
    ],
    [
      'pipeline: one `openstack image delete` per image',
      String(forCli.length),
      `${(cliMs / 1000).toFixed(2)} s`,
      Number.isFinite(cliPer) ? `${cliPer.toFixed(0)} ms` : '-',
      cliNote || `${cliOk} deleted`,
    ],
  ];
  return [
    table(rows),
    `  app/floor: ${ratio(app.ms, raw.ms)} runBulkDelete, ${jobView ? `${ratio(job.ms, raw.ms)} job API vs the queued floor, ${forRawActive.length === BULK ? ratio(job.ms, rawActive.ms) : 'n/a'} vs the ACTIVE floor` : 'n/a job API'} (target <= 1.4; the app re-reads each image before deleting it: GET + DELETE;`,
    '  the job API, timed from its POST until GET /api/jobs/:id says done, also reads the whole cloud to confirm the set',
    "  and re-reads it for the re-check every 2 s; its images are ACTIVE orphan snapshots like the second floor's; the first floor's are queued).",
    `  pipeline/app per image: ${ratio(cliPer, appPer, 0)} runBulkDelete, ${jobView ? ratio(cliPer, job.ms / BULK, 0) : 'n/a'} job API (target >= 50x); pipeline extrapolated to ${BULK} images: ${((cliPer * BULK) / 1000).toFixed(0)} s`,
    '  one run each (N=1 per path: every run consumes the images). Reference (lab notes): pipeline ~2.3 s per image, raw concurrent ~0.03 s.',
    ...notes,
  ].join('\n');
}
