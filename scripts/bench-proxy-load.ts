/**
 * Section "Proxy under load": the proxy (`src/server/main.ts --demo`, a child process) under 50 concurrent
 * loopback clients listing images with autocannon (three bounded rounds of 20 s, a minute in all; the
 * proxy's heap after a full GC and its RSS read before and after each, through the test controls), and on the lab the latency the proxy adds: 50 sequential GETs of one image page
 * through the proxy and 50 straight to Glance, interleaved, medians compared.
 */
import autocannon from 'autocannon';
import os from 'node:os';
import path from 'node:path';
import { labPool, NO_CLOUD } from './bench-lab';
import { startLabProxy } from './bench-loading';
import { fmtMs, freePort, startNodeChild, stat, table, timeIt, PROXY_NODE_FLAGS } from './bench-util';
import type { Child } from './bench-util';

const CONNECTIONS = 50;
const ROUND_SECONDS = 20;
/** Three rounds: a minute of load in all, memory read after each to show any growth. `BENCH_PROXY_ROUNDS=9` soaks longer. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_PROXY_ROUNDS ?? 3) || 3);
const SEQUENTIAL = 50;
const PAGE = '/v2/images?limit=20';

async function loadRound(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'X-Glance-Lineage': '1' },
  });
}

interface Memory {
  heapMiB: number;
  rssMiB: number;
}

/** The proxy's heap after a full GC and its RSS (test controls; the child runs with --expose-gc). */
async function proxyMemory(base: string): Promise<Memory> {
  const res = await fetch(`${base}/api/_sim/memory`, {
    method: 'POST',
    headers: { 'X-Glance-Lineage': '1' },
  });
  const m = (await res.json()) as { collected: boolean; heapUsed: number; rss: number };
  if (!res.ok || !m.collected)
    throw new Error(`proxy memory: ${res.status}, collected ${String(m.collected)}`);
  return { heapMiB: m.heapUsed / 2 ** 20, rssMiB: m.rss / 2 ** 20 };
}

/** How the heap after GC moved from before the first round to after the last, in words. */
function growth(before: Memory, after: Memory[]): string {
  const last = after[after.length - 1] ?? before;
  const delta = last.heapMiB - before.heapMiB;
  const highest = Math.max(...after.map((m) => m.heapMiB));
  return `${delta >= 0 ? '+' : ''}${delta.toFixed(1)} MiB over ${after.length} rounds, highest ${highest.toFixed(1)} MiB`;
}

async function demoLoad(): Promise<string> {
  const port = await freePort(4410);
  const audit = path.join(os.tmpdir(), `glance-lineage-bench-audit-demo-${process.pid}.jsonl`);
  const proxy: Child = await startNodeChild(
    'src/server/main.ts',
    ['--demo', '--test-controls', '--port', String(port), '--audit-file', audit],
    /Glance Lineage on/,
    { nodeFlags: [...PROXY_NODE_FLAGS, '--expose-gc'] },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    const url = `${base}/api/image/v2/images?limit=1000`;
    await loadRound(url, 3); // warm-up: JIT, connection pools
    const mem0 = await proxyMemory(base);
    const rounds: { r: autocannon.Result; mem: Memory }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const r = await loadRound(url, ROUND_SECONDS);
      rounds.push({ r, mem: await proxyMemory(base) });
    }
    const body = await fetch(url, { headers: { 'X-Glance-Lineage': '1' } });
    const images = ((await body.json()) as { images: unknown[] }).images.length;
    return [
      table([
        [
          'round',
          'requests/s (mean)',
          'p50 latency',
          'p99 latency',
          'max',
          'requests',
          'errors',
          'non-2xx',
          'heap after GC',
          'RSS after',
        ],
        ...rounds.map(({ r, mem }, i) => [
          `${i + 1} (${ROUND_SECONDS} s)`,
          r.requests.average.toFixed(0),
          `${r.latency.p50} ms`,
          `${r.latency.p99} ms`,
          `${r.latency.max} ms`,
          String(r.requests.total),
          String(r.errors + r.timeouts),
          String(r.non2xx),
          `${mem.heapMiB.toFixed(1)} MiB`,
          `${mem.rssMiB.toFixed(0)} MiB`,
        ]),
      ]),
      `  demo scenario (${images} images per answer), GET /api/image/v2/images?limit=1000, ${CONNECTIONS} connections, loopback;`,
      `  proxy before the rounds (after a 3 s warm-up): heap after GC ${mem0.heapMiB.toFixed(1)} MiB, RSS ${mem0.rssMiB.toFixed(0)} MiB.`,
      `  Targets: 0 errors, no memory growth (heap after GC ${growth(
        mem0,
        rounds.map((x) => x.mem),
      )}).`,
    ].join('\n');
  } finally {
    await proxy.stop();
  }
}

async function labLatency(): Promise<string> {
  const pool = await labPool();
  if (!pool) return `  proxy latency on the lab: ${NO_CLOUD}`;
  const { raw } = pool.lab;
  const port = await freePort(4420);
  const proxy = await startLabProxy(port);
  try {
    const viaProxy = `http://127.0.0.1:${port}/api/image${PAGE}`;
    const direct = `${raw.imageUrl}${PAGE}`;
    const get = async (url: string, headers: Record<string, string>): Promise<number> => {
      const { ms, value } = await timeIt(async () => {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        return res.status;
      });
      if (value !== 200) throw new Error(`GET ${url}: ${value}`);
      return ms;
    };
    const proxyHeaders = { 'X-Glance-Lineage': '1' };
    const directHeaders = { 'X-Auth-Token': raw.token, Accept: 'application/json' };
    for (let i = 0; i < 3; i++) {
      await get(viaProxy, proxyHeaders);
      await get(direct, directHeaders);
    }
    const p: number[] = [];
    const d: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      d.push(await get(direct, directHeaders));
      p.push(await get(viaProxy, proxyHeaders));
    }
    const ps = stat(p);
    const ds = stat(d);
    return [
      table([
        [`lab: GET ${PAGE}, ${SEQUENTIAL} sequential each, interleaved`, 'median (min-max)'],
        ['straight to Glance', fmtMs(ds)],
        ['through the proxy', fmtMs(ps)],
        ['added by the proxy (difference of medians)', `${(ps.median - ds.median).toFixed(1)} ms`],
      ]),
    ].join('\n');
  } finally {
    await proxy.stop();
  }
}

export async function benchProxyLoad(): Promise<string> {
  return [await demoLoad(), '', await labLatency()].join('\n');
}
