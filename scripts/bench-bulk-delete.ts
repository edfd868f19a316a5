/**
 * Section "Bulk delete" (lab only): 500 of the run's own queued images deleted through the app's bulk path
 * (`runBulkDelete` over a Keystone session, concurrency 8: GET to re-check, then DELETE, per image), 500
 * more with raw concurrent DELETEs at concurrency 8 (the floor), and 10 with the seed document's pipeline,
 * one `openstack image delete <id>` process per image (extrapolated per image).
 */
import { runBulkDelete } from '../src/openstack/bulk-delete';
import { labPool, NO_CLOUD, rawDeleteImage } from './bench-lab';
import { mapBounded, ratio, runCommand, table, timeIt } from './bench-util';

const BULK = 500;
const PIPELINE_SAMPLE = 10;
const CONCURRENCY = 8;

export async function benchBulkDelete(): Promise<string> {
  const pool = await labPool();
  if (!pool) return NO_CLOUD;
  const seeded = await pool.ensure(2 * BULK + PIPELINE_SAMPLE);
  const notes: string[] = [];
  if (seeded.created > 0)
    notes.push(`  (created ${seeded.created} queued images ${pool.prefix}NNNN in ${(seeded.ms / 1000).toFixed(1)} s, ${CONCURRENCY} at a time)`);

  const forApp = pool.take(BULK).map((img) => ({ id: img.id, name: img.name ?? '' }));
  const app = await timeIt(() => runBulkDelete(pool.lab.glance, forApp, { concurrency: CONCURRENCY }));
  const outcomes = new Map<string, number>();
  for (const r of app.value) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);

  const forRaw = pool.take(BULK);
  const raw = await timeIt(() => mapBounded(forRaw, CONCURRENCY, (img) => rawDeleteImage(pool.lab.raw, img.id)));
  const rawGone = raw.value.filter((s) => s === 204).length;

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
      'pipeline: one `openstack image delete` per image',
      String(forCli.length),
      `${(cliMs / 1000).toFixed(2)} s`,
      Number.isFinite(cliPer) ? `${cliPer.toFixed(0)} ms` : '-',
      cliNote || `${cliOk} deleted`,
    ],
  ];
  return [
    table(rows),
    `  app/floor: ${ratio(app.ms, raw.ms)} (target <= 1.4; the app also re-reads each image before deleting it: GET + DELETE)`,
    `  pipeline/app per image: ${ratio(cliPer, appPer, 0)} (target >= 50x); pipeline extrapolated to ${BULK} images: ${((cliPer * BULK) / 1000).toFixed(0)} s`,
    '  one run each (N=1 per path: every run consumes the images). Reference (lab notes): pipeline ~2.3 s per image, raw concurrent ~0.03 s.',
    ...notes,
  ].join('\n');
}
