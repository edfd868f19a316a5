/**
 * Section "Loading at scale": how long the app takes to hold every image and server through the proxy
 * (the browser's path: GET /api/session, then images and servers + deleted servers in parallel, 1,000 per
 * page, following next links, with the app's GlanceClient/NovaClient over an HTTP transport), next to the
 * floor (plain HTTP page fetch of the same images straight from Glance) and, on a real cloud, the
 * `openstack image list` CLI.
 *   - lab: 2,000 queued images named `<run prefix>NNNN` are created for the run and deleted after it;
 *   - simulator: the `generated` scenario at 10,000 and 50,000 images, as a cloud of child processes, Nova in
 *     one and Keystone/Glance in another (as in a real cloud, where they are separate services), with the
 *     proxy in a third reaching them over loopback HTTP, as it reaches a real cloud.
 */
import os from 'node:os';
import path from 'node:path';
import { createProxyTransport } from '../src/api/proxy-transport';
import { authRequestBody, GlanceClient, NovaClient } from '../src/openstack/node';
import { simCloudConfig } from '../src/sim';
import type { Browser } from '@playwright/test';
import { loadInChromium, openChromium } from './bench-browser-load';
import { labPool, NO_CLOUD, rawListAll, rawListImages } from './bench-lab';
import type { RawAccess } from './bench-lab';
import {
  fmtSeconds,
  freePort,
  interleaved,
  pairedRatio,
  ratio,
  runCommand,
  startNodeChild,
  stat,
  table,
  PROXY_NODE_FLAGS,
} from './bench-util';
import type { Child, Stat } from './bench-util';

/** Rounds after a warm-up; each round measures app, images-only, floor and floor of everything once, in rotating order. */
const RUNS = 5;
const LAB_IMAGES = 2_000;

export interface LoadCounts {
  images: number;
  servers: number;
  deleted: number;
}

/** What the browser does on first load, from Node, against the proxy at `base` (http://127.0.0.1:P). */
export async function loadThroughProxy(base: string): Promise<LoadCounts> {
  const transport = createProxyTransport(`${base}/api`, fetch);
  const images = new GlanceClient(transport).listImages();
  const session = await fetch(`${base}/api/session`, { headers: { 'X-Glance-Lineage': '1' } });
  if (!session.ok) throw new Error(`GET /api/session: ${session.status}`);
  const admin = ((await session.json()) as { isAdmin: boolean }).isAdmin;
  const nova = new NovaClient(transport);
  const [imgs, servers, deleted] = await Promise.all([
    images,
    nova.listServers({ allTenants: admin }),
    admin ? nova.listServers({ allTenants: true, deleted: true }) : Promise.resolve([]),
  ]);
  return { images: imgs.length, servers: servers.length, deleted: deleted.length };
}

export function startLabProxy(port: number): Promise<Child> {
  const audit = path.join(os.tmpdir(), `glance-lineage-bench-audit-${process.pid}.jsonl`);
  return startNodeChild(
    'src/server/main.ts',
    ['--port', String(port), '--audit-file', audit],
    /Glance Lineage on/,
    { nodeFlags: PROXY_NODE_FLAGS },
  );
}

/** A row of the table: one target's measurements, plus the CLI where there is one. */
interface Row extends Measured {
  target: string;
  cli: Stat | null;
  note: string;
}

interface Measured {
  app: Stat;
  appImages: Stat;
  floor: Stat;
  /** Plain HTTP of everything the app lists: images, servers and deleted servers in parallel. */
  floorAll: Stat;
  /** The built app in Chromium, fresh: first API request to the last listing page (null: not measured). */
  inBrowser: Stat | null;
  inBrowserPaired: number;
  /** Median of the per-round app/floor, images-only/floor and app/floor-of-everything ratios. */
  appPaired: number;
  appImagesPaired: number;
  appAllPaired: number;
  counts: LoadCounts;
  floorCount: number;
}

async function measure(
  base: string,
  raw: RawAccess,
  browser: Browser | null,
  warmups = 1,
): Promise<Measured> {
  let counts: LoadCounts = { images: 0, servers: 0, deleted: 0 };
  let floorCount = 0;
  const glance = new GlanceClient(createProxyTransport(`${base}/api`, fetch));
  const [app = [], appImages = [], floor = [], floorAll = [], inBrowser = []] = await interleaved(
    RUNS,
    [
      async () => (counts = await loadThroughProxy(base)),
      () => glance.listImages(),
      async () => (floorCount = await rawListImages(raw)),
      () => rawListAll(raw),
      ...(browser ? [() => loadInChromium(browser, base)] : []),
    ],
    warmups,
  );
  return {
    app: stat(app),
    appImages: stat(appImages),
    floor: stat(floor),
    floorAll: stat(floorAll),
    inBrowser: browser ? stat(inBrowser) : null,
    appPaired: pairedRatio(app, floor),
    appImagesPaired: pairedRatio(appImages, floor),
    appAllPaired: pairedRatio(app, floorAll),
    inBrowserPaired: browser ? pairedRatio(inBrowser, floor) : NaN,
    counts,
    floorCount,
  };
}

async function labRow(browser: Browser | null): Promise<Row | string> {
  const pool = await labPool();
  if (!pool) return NO_CLOUD;
  const lab = pool.lab;
  const port = await freePort(4400);
  let proxy: Child | null = null;
  try {
    const seeded = await pool.ensure(LAB_IMAGES);
    if (seeded.created > 0)
      process.stdout.write(
        `  (lab: created ${seeded.created} images ${pool.prefix}NNNN in ${(seeded.ms / 1000).toFixed(1)} s, 8 at a time)\n`,
      );
    proxy = await startLabProxy(port);
    const m = await measure(`http://127.0.0.1:${port}`, lab.raw, browser);
    const cliRuns: number[] = [];
    let cliNote = '';
    for (let i = 0; i < RUNS; i++) {
      const r = await runCommand('openstack', ['image', 'list', '-f', 'value', '-c', 'ID']).catch(() => null);
      if (!r || r.code !== 0) {
        cliNote = r
          ? `openstack CLI failed: ${r.stderr.trim().split('\n').pop() ?? ''}`
          : 'openstack CLI not installed';
        break;
      }
      cliRuns.push(r.ms);
      if (i === 0) cliNote = `CLI listed ${r.stdout.trim().split('\n').length}`;
    }
    return {
      target: 'lab (real Glance/Nova)',
      ...m,
      cli: cliRuns.length ? stat(cliRuns) : null,
      note: `app got ${m.counts.images} images, ${m.counts.servers} servers, ${m.counts.deleted} deleted; ${cliNote}`,
    };
  } finally {
    await proxy?.stop();
  }
}

async function simToken(rawBase: string): Promise<RawAccess> {
  const res = await fetch(`${rawBase}/identity/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(authRequestBody(simCloudConfig('admin'))),
  });
  if (res.status !== 201) throw new Error(`simulator token: ${res.status}`);
  await res.body?.cancel();
  return {
    token: res.headers.get('x-subject-token') ?? '',
    imageUrl: `${rawBase}/image`,
    computeUrl: `${rawBase}/compute/v2.1`,
  };
}

async function simRow(images: number, servers: number, browser: Browser | null): Promise<Row> {
  const rawPort = await freePort(4400);
  const novaPort = await freePort(rawPort + 1);
  const port = await freePort(novaPort + 1);
  const scenario = ['--images', String(images), '--servers', String(servers)];
  const children: Child[] = [];
  try {
    children.push(
      await startNodeChild(
        'scripts/bench-sim-server.ts',
        [...scenario, '--raw-port', String(rawPort)],
        /^ready /m,
      ),
    );
    const rawUrl = `http://127.0.0.1:${rawPort}`;
    children.push(
      await startNodeChild(
        'scripts/bench-sim-server.ts',
        [...scenario, '--nova-port', String(novaPort), '--keystone-url', rawUrl],
        /^ready nova/m,
      ),
    );
    children.push(
      await startNodeChild(
        'scripts/bench-sim-server.ts',
        [
          '--port',
          String(port),
          '--sim-url',
          rawUrl,
          '--compute-url',
          `http://127.0.0.1:${novaPort}`,
          ...(browser ? ['--static', 'dist'] : []),
        ],
        /^ready proxy/m,
        { nodeFlags: PROXY_NODE_FLAGS },
      ),
    );
    // The floors reach Nova where the app does: in its own process.
    const raw = { ...(await simToken(rawUrl)), computeUrl: `http://127.0.0.1:${novaPort}/compute/v2.1` };
    const m = await measure(`http://127.0.0.1:${port}`, raw, browser);
    return {
      target: `simulator generated`,
      ...m,
      cli: null,
      note: `app got ${m.counts.images} images, ${m.counts.servers} servers, ${m.counts.deleted} deleted`,
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}

/**
 * `BENCH_LOADING_TARGETS=50k` (any of `lab`, `10k`, `50k`, comma-separated) measures only those, to iterate
 * faster; the default is all three.
 */
const TARGETS = (process.env.BENCH_LOADING_TARGETS ?? 'lab,10k,50k').split(',').map((x) => x.trim());

/** The built app and a Chromium to open it in, or why the browser column is left out. */
async function browserForBench(): Promise<{ browser: Browser | null; note: string }> {
  const build = await runCommand('npx', ['vite', 'build']);
  if (build.code !== 0) return { browser: null, note: `no browser column: vite build failed` };
  try {
    return { browser: await openChromium(), note: '' };
  } catch (e) {
    return {
      browser: null,
      note: `no browser column: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    };
  }
}

export async function benchLoading(): Promise<string> {
  const rows: (Row | string)[] = [];
  const { browser, note: browserNote } = await browserForBench();
  try {
    if (TARGETS.includes('lab'))
      rows.push(
        await labRow(browser).catch(
          (e: unknown) => `lab failed: ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
    if (TARGETS.includes('10k')) rows.push(await simRow(10_000, 2_000, browser));
    if (TARGETS.includes('50k')) rows.push(await simRow(50_000, 10_000, browser));
  } finally {
    await browser?.close();
  }
  const figures = rows.filter((r): r is Row => typeof r !== 'string');
  const out = [
    table([
      [
        'target',
        'images',
        'app via proxy',
        'floor: raw Glance pages',
        'app/floor',
        'images only via proxy',
        '/floor',
        'floor: raw images + servers',
        'app/that',
        'app in Chromium',
        '/floor',
        'openstack image list',
        'CLI/app',
      ],
      ...figures.map((r) => [
        r.target,
        String(r.floorCount),
        fmtSeconds(r.app),
        fmtSeconds(r.floor),
        `${r.appPaired.toFixed(2)}x`,
        fmtSeconds(r.appImages),
        `${r.appImagesPaired.toFixed(2)}x`,
        fmtSeconds(r.floorAll),
        `${r.appAllPaired.toFixed(2)}x`,
        r.inBrowser ? fmtSeconds(r.inBrowser) : '-',
        r.inBrowser ? `${r.inBrowserPaired.toFixed(2)}x` : '-',
        r.cli ? fmtSeconds(r.cli) : '-',
        r.cli ? ratio(r.cli.median, r.app.median, 1) : '-',
      ]),
    ]),
    ...figures.map((r) => `  ${r.target} ${r.floorCount}: ${r.note}`),
    ...rows.filter((r): r is string => typeof r === 'string').map((s) => `  lab: ${s}`),
    ...(browserNote ? [`  ${browserNote}`] : []),
    '  app = GET /api/session, then images + servers + deleted servers in parallel (the browser path), the images walked\n  from both ends at once (newest and oldest first, until the walks meet); floor = images only, one page after another;\n  images only via proxy = the same image pages through the proxy (isolates the proxy from the server lists);\n  floor: raw images + servers = plain HTTP of everything the app lists, in parallel (the app minus proxy and client);\n  app in Chromium = the built dashboard opened fresh in headless Chromium, from its first API request to the end of the\n  last listing page (Resource Timing), with all it does meanwhile (first graph, lineage worker, cache).',
    '  simulator: Keystone+Glance, Nova and the proxy are three processes (plus this one, the client) on loopback;\n  on a machine with few cores they share the CPU, so the servers the app lists slow its image pages down.',
    `  ratios: the median over ${RUNS} rounds of app/floor measured in the same round (each round runs the four in\n  rotating order, so the machine's load drifts onto all of them alike).`,
    '  targets: app/floor <= 1.2. Reference (lab notes): raw fetch of 2,015 images 2.3 s, openstack image list 10.2 s.',
  ];
  return out.join('\n');
}
