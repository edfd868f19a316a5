/**
 * Section "Bulk delete" (lab only): 500 of the run's own queued images deleted through the app's bulk path
 * (`runBulkDelete` over a Keystone session, concurrency 8: GET to re-check, then DELETE, per image), 500
 * more with raw concurrent DELETEs at concurrency 8 (the floor), and 10 with the seed document's pipeline,
 * one `openstack image delete <id>` process per image (extrapolated per image). When the proxy has the job
 * API, 500 more go through `POST /api/jobs/bulk-delete` (what the browser's Cleanup view starts: it also
 * re-reads the cloud's lineage to confirm the set), timed from the POST until the job is done.
 */
import { runBulkDelete } from '../src/openstack/bulk-delete';
import type { BulkDeleteJobView } from '../src/server/jobs/job-types';
import { labPool, NO_CLOUD, rawDeleteImage } from './bench-lab';
import { startLabProxy } from './bench-loading';
import { freePort, mapBounded, ratio, runCommand, table, timeIt } from './bench-util';

const BULK = 500;
const PIPELINE_SAMPLE = 10;
const CONCURRENCY = 8;

const APP = { 'Content-Type': 'application/json', 'X-Glance-Lineage': '1' };

/** POST /api/jobs/bulk-delete on a lab proxy child, then polls the job until it is no longer running. */
async function deleteThroughJobApi(ids: string[]): Promise<BulkDeleteJobView | string> {
  const port = await freePort(4440);
  const proxy = await startLabProxy(port);
  try {
    const base = `http://127.0.0.1:${port}/api/jobs`;
    const res = await fetch(`${base}/bulk-delete`, {
      method: 'POST',
      headers: APP,
      body: JSON.stringify({ ids, concurrency: CONCURRENCY }),
    });
    if (res.status === 404) return 'this proxy has no job API';
    if (res.status !== 202) return `POST /api/jobs/bulk-delete: ${res.status} ${await res.text()}`;
    const { jobId } = (await res.json()) as { jobId: string };
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      const job = (await (
        await fetch(`${base}/${encodeURIComponent(jobId)}`, { headers: APP })
      ).json()) as BulkDeleteJobView;
      if (job.status !== 'running' && job.status !== 'cancelling') return job;
    }
  } finally {
    await proxy.stop();
  }
}

export async function benchBulkDelete(): Promise<string> {
  const pool = await labPool();
  if (!pool) return NO_CLOUD;
  const seeded = await pool.ensure(3 * BULK + PIPELINE_SAMPLE);
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

  const forJob = pool.take(BULK).map((img) => img.id);
  const job = await timeIt(() => deleteThroughJobApi(forJob));
  const jobDone = typeof job.value === 'string' ? null : job.value;
  const skippedWhy = jobDone?.items.find((i) => i.state === 'skipped')?.reason;
  if (skippedWhy) notes.push(`  job API skipped images, e.g.: ${skippedWhy}`);
  /** Only a job that deleted everything is comparable with the other paths. */
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
      `app: job API via the proxy, concurrency ${CONCURRENCY}`,
      String(BULK),
      jobDone ? `${(job.ms / 1000).toFixed(2)} s` : '-',
      jobDone ? `${(job.ms / BULK).toFixed(1)} ms` : '-',
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
    `  app/floor: ${ratio(app.ms, raw.ms)} runBulkDelete, ${jobView ? ratio(job.ms, raw.ms) : 'n/a'} job API (target <= 1.4; the app re-reads each image before deleting it: GET + DELETE;`,
    '  the job API also reads the whole cloud once to confirm the set and starts from a fresh proxy process).',
    `  pipeline/app per image: ${ratio(cliPer, appPer, 0)} runBulkDelete, ${jobView ? ratio(cliPer, job.ms / BULK, 0) : 'n/a'} job API (target >= 50x); pipeline extrapolated to ${BULK} images: ${((cliPer * BULK) / 1000).toFixed(0)} s`,
    '  one run each (N=1 per path: every run consumes the images). Reference (lab notes): pipeline ~2.3 s per image, raw concurrent ~0.03 s.',
    ...notes,
  ].join('\n');
}
