/**
 * `npm run bench`: prints figures, one section after the other. Add a section to the list to add a benchmark.
 * Benchmarks are not timed tests: they print, they do not fail on a slow machine.
 *
 * `npm run bench -- --only <key>[,<key>]` runs some sections (keys: engine, loading, proxy, bulk, graph).
 * Lab sections use the configured cloud (OS_CLOUD / OS_* like the app) and skip without one; every image
 * they create is named `bench-<run>-...` and deleted at the end, also after a failure or Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { benchBulkDelete } from './bench-bulk-delete';
import { benchEngine, formatEngineTable } from './bench-engine';
import { benchGraph } from './bench-graph';
import { sweepLab } from './bench-lab';
import { benchLoading } from './bench-loading';
import { benchProxyLoad } from './bench-proxy-load';
import { machineLine } from './bench-util';

interface Section {
  key: string;
  name: string;
  run: () => Promise<string> | string;
}

const sections: Section[] = [
  {
    key: 'engine',
    name: 'Lineage engine (median of 5 after 1 warm-up; target: 10,000 images + 2,000 servers under 300 ms)',
    run: () => formatEngineTable(benchEngine([1_000, 10_000, 50_000])),
  },
  {
    key: 'loading',
    name: 'Loading at scale: all images and servers through the proxy vs raw Glance pages vs the CLI (5 interleaved rounds after 1 warm-up)',
    run: benchLoading,
  },
  {
    key: 'proxy',
    name: 'Proxy under load: 50 concurrent clients listing images (autocannon, demo mode) + latency the proxy adds on the lab',
    run: benchProxyLoad,
  },
  {
    key: 'bulk',
    name: 'Bulk delete on the lab: app (runBulkDelete, concurrency 8) vs raw concurrent DELETEs vs one `openstack image delete` per image',
    run: benchBulkDelete,
  },
  {
    key: 'graph',
    name: 'Graph in Chromium: data in hand -> interactive graph, JS heap after GC, fps while panning, long tasks',
    run: benchGraph,
  },
];

const { values } = parseArgs({ options: { only: { type: 'string' } }, allowPositionals: false });
const only =
  values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? null;
const unknown = (only ?? []).filter((k) => !sections.some((s) => s.key === k));
if (unknown.length > 0) {
  console.error(
    `unknown section(s): ${unknown.join(', ')} (known: ${sections.map((s) => s.key).join(', ')})`,
  );
  process.exit(2);
}

let sweeping = false;
async function cleanUp(): Promise<void> {
  if (sweeping) return;
  sweeping = true;
  const n = await sweepLab().catch((e: unknown) => {
    console.error(`could not delete the bench's lab images: ${e instanceof Error ? e.message : String(e)}`);
    return 0;
  });
  if (n > 0) console.log(`\n(lab: deleted the run's remaining ${n} bench images)`);
}
process.once('SIGINT', () => {
  console.log('\ninterrupted: cleaning up');
  void cleanUp().finally(() => process.exit(130));
});

const started = performance.now();
console.log(machineLine());
try {
  for (const section of sections) {
    if (only && !only.includes(section.key)) continue;
    console.log(`\n== ${section.name} ==`);
    const t0 = performance.now();
    try {
      console.log(await section.run());
    } catch (e) {
      console.log(`failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exitCode = 1;
    }
    console.log(`(section took ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
} finally {
  await cleanUp();
}
console.log(`\n${machineLine()}\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(process.exitCode ?? 0);
