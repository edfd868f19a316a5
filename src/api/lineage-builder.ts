/**
 * Builds the lineage of the fetched data. Small clouds: buildLineage on the page (a few ms). Big ones: in a
 * Web Worker, so the page keeps answering input while 50,000 images are classified and linked; the result
 * comes back in parts (lineage-transfer.ts). Builds are coalesced: while one runs, only the newest request
 * waits, and a superseded request resolves to null.
 */
import { buildLineage } from '../lineage';
import type { LineageGraph, LineageInput, Viewer } from '../lineage/types';
import type { GlanceImage, NovaServer } from '../openstack/types';
import { GRAPH_LAYOUT, rememberLayout } from './graph-layout';
import {
  GraphDecoder,
  ListingSender,
  type FromWorker,
  type RawIndex,
  type SyncMessage,
  type ToWorker,
} from './lineage-transfer';

/**
 * Below this many images + servers the page builds the lineage itself (a build of a first page of 1,000
 * images and 1,000 servers held the page for ~60 ms while the next pages arrived: the worker takes it).
 */
export const WORKER_THRESHOLD = 1500;

export interface LineageBuilder {
  /** `complete`: the listings are whole (the last build of a load), so it starts without waiting out the gap. */
  build(input: LineageInput, complete?: boolean): Promise<LineageGraph | null>;
}

/** What the builder needs of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
}

interface Waiting {
  input: LineageInput;
  complete: boolean;
  resolve: (g: LineageGraph | null) => void;
  reject: (e: unknown) => void;
}

/**
 * The least time between the starts of two builds of `items` images and servers while pages arrive (the
 * last build, of the complete listings, waits for none): 0.1 ms per item from 5,000 on, 1 s at 10,000 and
 * 5 s at 50,000. A build, its layout and taking its graph in cost the page about that much per item, so
 * the graph fills in while the pages arrive at a cost of about a tenth of the time, and a big cloud that
 * loads in a few seconds is not built again just before its listings complete (at 50,000 on two cores
 * that second-to-last build took a fifth of the load).
 */
export function rebuildGapMs(items: number): number {
  return items < 5000 ? 0 : items / 10;
}

function sizeOf(input: LineageInput): number {
  return input.images.length + input.servers.length + (input.deletedServers?.length ?? 0);
}

export function createWorkerBuilder(
  worker: WorkerLike,
  opts: { gapMs?: (items: number) => number; now?: () => number } = {},
): LineageBuilder {
  const gapMs = opts.gapMs ?? rebuildGapMs;
  const now = opts.now ?? (() => performance.now());
  const senders = {
    images: new ListingSender<GlanceImage>('images'),
    servers: new ListingSender<NovaServer>('servers'),
    deletedServers: new ListingSender<NovaServer>('deletedServers'),
  };
  let seq = 0;
  /** The build the worker runs; its parts are decoded as they arrive (a failed part fails the build). */
  let running: (Waiting & { seq: number; decoder: GraphDecoder; failed: unknown }) | null = null;
  let next: Waiting | null = null;
  let previous: LineageGraph | undefined;
  let startedAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const start = (w: Waiting): void => {
    const s = ++seq;
    startedAt = now();
    // The senders key the listings by id while they look through them (done before the build is asked for).
    const raw: RawIndex = {
      image: (id) => senders.images.index.get(id),
      server: (id) => senders.servers.index.get(id) ?? senders.deletedServers.index.get(id),
    };
    running = { ...w, seq: s, decoder: new GraphDecoder(raw, previous), failed: null };
    const syncs = [
      senders.images.diff(w.input.images),
      senders.servers.diff(w.input.servers),
      senders.deletedServers.diff(w.input.deletedServers ?? []),
    ];
    // One step per task: copying 50,000 images in one postMessage would hold the page for seconds, and
    // even looking through them for what the worker lacks takes tens of milliseconds.
    let which = 0;
    const post = (): void => {
      for (; which < syncs.length; which++) {
        const step = (syncs[which] as Generator<SyncMessage | null>).next();
        if (step.done) continue;
        if (step.value) worker.postMessage(step.value satisfies ToWorker);
        setTimeout(post, 0);
        return;
      }
      worker.postMessage({ type: 'build', seq: s, viewer: w.input.viewer, layout: GRAPH_LAYOUT });
    };
    post();
  };
  /** Starts the waiting build, once the gap since the last start has passed. */
  const startNext = (): void => {
    timer = null;
    if (running || !next) return;
    const wait = next.complete ? 0 : startedAt + gapMs(sizeOf(next.input)) - now();
    if (wait > 0) {
      timer = setTimeout(startNext, wait);
      return;
    }
    const n = next;
    next = null;
    start(n);
  };
  const finish = (): void => {
    running = null;
    if (timer === null) startNext();
  };

  worker.addEventListener('message', (e) => {
    const m = e.data;
    const r = running;
    if (!r || m.seq !== r.seq) return;
    if (m.type === 'part') {
      if (r.failed !== null) return;
      try {
        r.decoder.add(m);
      } catch (err) {
        r.failed = err;
      }
    } else if (m.type === 'failed') {
      r.reject(new Error(`building the lineage failed: ${m.message}`));
      finish();
    } else {
      if (r.failed !== null) {
        r.reject(r.failed);
        finish();
        return;
      }
      try {
        const graph = r.decoder.finish(m);
        if (m.layout) rememberLayout(graph, m.layout);
        previous = graph;
        r.resolve(graph);
      } catch (err) {
        r.reject(err);
      }
      finish();
    }
  });
  worker.addEventListener('error', (e) => {
    running?.reject(new Error(`the lineage worker failed: ${e.message}`));
    finish();
  });

  return {
    build(input, complete = false) {
      return new Promise((resolve, reject) => {
        next?.resolve(null);
        next = { input, complete, resolve, reject };
        if (complete && timer !== null) {
          clearTimeout(timer);
          timer = null;
        }
        if (!running && timer === null) startNext();
      });
    },
  };
}

let shared: LineageBuilder | null | undefined;

function browserWorker(): LineageBuilder | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('../workers/lineage.worker.ts', import.meta.url), { type: 'module' });
    return createWorkerBuilder(w);
  } catch {
    return null;
  }
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  return a === b || ((a?.length ?? 0) === 0 && (b?.length ?? 0) === 0);
}

/** Same arrays, same viewer: every panel's useCloudData hands the same query data, so this holds across them. */
export function sameInput(a: LineageInput, b: LineageInput): boolean {
  return (
    a.images === b.images &&
    a.servers === b.servers &&
    sameList(a.deletedServers, b.deletedServers) &&
    a.viewer.projectId === b.viewer.projectId &&
    a.viewer.isAdmin === b.viewer.isAdmin &&
    a.viewer.allProjects === b.viewer.allProjects
  );
}

export function isSmallInput(input: LineageInput): boolean {
  return input.images.length + input.servers.length + (input.deletedServers?.length ?? 0) < WORKER_THRESHOLD;
}

interface Entry {
  input: LineageInput;
  graph: LineageGraph | null;
  promise: Promise<LineageGraph | null> | null;
}
/** The last few builds, shared by every caller (one build per data change, not one per panel). */
const recent: Entry[] = [];

function entryFor(input: LineageInput): Entry | undefined {
  return recent.find((e) => sameInput(e.input, input));
}

function remember(e: Entry): Entry {
  recent.unshift(e);
  recent.length = Math.min(recent.length, 4);
  return e;
}

/** The lineage of `input` if it is ready now: built before, or small enough to build on the page at once. */
export function lineageNow(input: LineageInput): LineageGraph | undefined {
  const hit = entryFor(input);
  if (hit?.graph) return hit.graph;
  if (!isSmallInput(input) && browserBuilder() !== null) return undefined;
  const graph = buildLineage(input);
  remember({ input, graph, promise: null });
  return graph;
}

/**
 * The lineage of `input`, built in the worker (null when a newer build superseded it); `complete`: the
 * listings are whole, so the build is not held back by the rebuild gap of a load in progress.
 */
export function lineageLater(input: LineageInput, complete = false): Promise<LineageGraph | null> {
  const hit = entryFor(input);
  if (hit?.graph) return Promise.resolve(hit.graph);
  if (hit?.promise) return hit.promise;
  const builder = browserBuilder();
  if (!builder) return Promise.resolve(lineageNow(input) ?? null);
  const e = remember({ input, graph: null, promise: null });
  e.promise = builder.build(input, complete).then((g) => {
    e.graph = g;
    return g;
  });
  return e.promise;
}

/** The newest finished build (a stand-in while the next one runs). */
export function latestLineage(viewer: Viewer): { input: LineageInput; graph: LineageGraph } | undefined {
  for (const e of recent) {
    const v = e.input.viewer;
    const same =
      v.projectId === viewer.projectId &&
      v.isAdmin === viewer.isAdmin &&
      v.allProjects === viewer.allProjects;
    if (e.graph && same) return { input: e.input, graph: e.graph };
  }
  return undefined;
}

function browserBuilder(): LineageBuilder | null {
  if (shared === undefined) shared = browserWorker();
  return shared;
}
