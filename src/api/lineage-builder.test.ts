import { describe, expect, it } from 'vitest';
import { buildLineage, layoutTree } from '../lineage';
import type { LineageInput } from '../lineage/types';
import type { NovaServer } from '../openstack/types';
import { createSimulator } from '../sim';
import { builtLayout, GRAPH_LAYOUT } from './graph-layout';
import { createWorkerBuilder, rebuildGapMs, type WorkerLike } from './lineage-builder';
import {
  encodeGraph,
  ListingMirror,
  ListingSender,
  SentNodes,
  type FromWorker,
  type ListingKey,
  type ToWorker,
} from './lineage-transfer';

/** The worker's logic in-process, behind structured clones both ways (as postMessage does). */
function fakeWorker(): WorkerLike & { sent: ToWorker[]; received: FromWorker[] } {
  const listeners: ((e: MessageEvent<FromWorker>) => void)[] = [];
  const mirrors: Record<ListingKey, ListingMirror> = {
    images: new ListingMirror(),
    servers: new ListingMirror(),
    deletedServers: new ListingMirror(),
  };
  const sent: ToWorker[] = [];
  const received: FromWorker[] = [];
  const sentNodes = new SentNodes();
  return {
    sent,
    received,
    postMessage(message) {
      const m = structuredClone(message);
      sent.push(m);
      setTimeout(() => {
        if (m.type === 'sync') return mirrors[m.listing].apply(m);
        const graph = buildLineage({
          images: mirrors.images.items as unknown as LineageInput['images'],
          servers: mirrors.servers.items as unknown as NovaServer[],
          deletedServers: mirrors.deletedServers.items as unknown as NovaServer[],
          viewer: m.viewer,
        });
        const layout = m.layout ? layoutTree(graph, m.layout) : undefined;
        for (const out of encodeGraph(graph, m.seq, 7, { sent: sentNodes, layout })) {
          const data = structuredClone(out);
          received.push(data);
          for (const l of listeners) l({ data } as MessageEvent<FromWorker>);
        }
      }, 0);
    },
    addEventListener(type: string, l: (e: MessageEvent<FromWorker>) => void) {
      if (type === 'message') listeners.push(l);
    },
  } as WorkerLike & { sent: ToWorker[]; received: FromWorker[] };
}

function demoInput(): LineageInput {
  const s = createSimulator({ scenario: 'demo' }).snapshotState();
  return {
    images: s.images,
    servers: s.servers.filter((x) => x.status !== 'DELETED'),
    deletedServers: s.servers.filter((x) => x.status === 'DELETED'),
    viewer: { projectId: null, isAdmin: true, allProjects: true },
  };
}

describe('the worker builder', () => {
  it('hands back the same lineage as buildLineage, with the page’s own image and server objects', async () => {
    const input = demoInput();
    const graph = await createWorkerBuilder(fakeWorker()).build(input);
    expect(graph).toEqual(buildLineage(input));
    const someImage = input.images[0];
    expect(graph?.nodes.get(someImage?.id ?? '')?.image).toBe(someImage);
  });

  it('sends only the items the worker does not hold yet, and the id order', async () => {
    const input = demoInput();
    const worker = fakeWorker();
    const builder = createWorkerBuilder(worker);
    await builder.build(input);
    const changed = { ...input.images[1]!, name: 'renamed' };
    const images = [input.images[0]!, changed, ...input.images.slice(2)];
    const graph = await builder.build({ ...input, images });
    const syncs = worker.sent.filter((m) => m.type === 'sync');
    const last = syncs[syncs.length - 1];
    expect(last).toMatchObject({ listing: 'images', items: [changed] });
    expect(graph?.nodes.get(changed.id)?.name).toBe('renamed');
    expect(graph).toEqual(buildLineage({ ...input, images }));
  });

  it('sends a big listing over many steps: new items in slices, the id order last', async () => {
    const input = demoInput();
    const many = Array.from({ length: 12_000 }, (_, i) => ({
      ...input.images[0]!,
      id: `img-${i}`,
      name: `n${i}`,
    }));
    const worker = fakeWorker();
    const graph = await createWorkerBuilder(worker).build({ ...input, images: many });
    const syncs = worker.sent.filter((m) => m.type === 'sync' && m.listing === 'images');
    expect(syncs.length).toBe(25);
    const slices = syncs.slice(0, -1);
    expect(slices.every((m) => m.type === 'sync' && m.items.length === 500 && m.ids === null)).toBe(true);
    expect(syncs[syncs.length - 1]).toMatchObject({ items: [], ids: many.map((i) => i.id) });
    expect(graph?.nodes.size).toBe(buildLineage({ ...input, images: many }).nodes.size);
  });

  it('sends a listing with a duplicate id whole, and everything again the next time', async () => {
    const input = demoInput();
    const worker = fakeWorker();
    const builder = createWorkerBuilder(worker);
    const first = input.images[0]!;
    const twice = [...input.images, { ...first, name: 'the second of this id' }];
    const graph = await builder.build({ ...input, images: twice });
    expect(graph).toEqual(buildLineage({ ...input, images: twice }));
    // The node holds the page's own object, the first of its id (as buildLineage keeps the first).
    expect(graph?.nodes.get(first.id)?.image).toBe(first);
    const lastSync = worker.sent.filter((m) => m.type === 'sync' && m.listing === 'images').pop();
    expect(lastSync).toMatchObject({ whole: true });
    const images = input.images.slice(1);
    expect(await builder.build({ ...input, images })).toEqual(buildLineage({ ...input, images }));
  });

  it('keys the listing by id while it looks through it: the decoder reads raw objects there', () => {
    const input = demoInput();
    const sender = new ListingSender<(typeof input.images)[number]>('images');
    const steps = [...sender.diff(input.images)];
    expect(steps.length).toBeGreaterThan(0);
    expect(sender.index.size).toBe(new Set(input.images.map((i) => i.id)).size);
    for (const i of input.images) expect(sender.index.get(i.id)).toBe(i);
    // The same array again: nothing to send, and the index still holds it.
    expect([...sender.diff(input.images)]).toEqual([]);
    expect(sender.index.get(input.images[0]!.id)).toBe(input.images[0]);
  });

  it('coalesces: while one build runs, a newer request supersedes the waiting one', async () => {
    const input = demoInput();
    const builder = createWorkerBuilder(fakeWorker());
    const a = builder.build(input);
    const b = builder.build({ ...input, images: input.images.slice(1) });
    const c = builder.build({ ...input, images: input.images.slice(2) });
    expect((await a)?.nodes.size).toBeGreaterThan(0);
    expect(await b).toBeNull();
    expect((await c)?.nodes.has(input.images[1]!.id)).toBe(false);
  });
});

describe('the worker builder, between builds', () => {
  it('hands back the layout the worker made (layoutTree with the graph view’s options)', async () => {
    const input = demoInput();
    const graph = await createWorkerBuilder(fakeWorker()).build(input);
    const expected = layoutTree(buildLineage(input), GRAPH_LAYOUT);
    expect(builtLayout(graph!)).toEqual(expected);
  });

  it('keeps the node objects of the previous build for nodes that did not change, and only those', async () => {
    const input = demoInput();
    const worker = fakeWorker();
    const builder = createWorkerBuilder(worker);
    const first = await builder.build(input);
    const changed = { ...input.images[1]!, name: 'renamed' };
    const images = [input.images[0]!, changed, ...input.images.slice(2)];
    const second = await builder.build({ ...input, images });
    expect(second).toEqual(buildLineage({ ...input, images }));
    const same = input.images[0]!.id;
    expect(second?.nodes.get(same)).toBe(first?.nodes.get(same));
    expect(second?.nodes.get(changed.id)).not.toBe(first?.nodes.get(changed.id));
    expect(second?.nodes.get(changed.id)?.image).toBe(changed);
    const lastParts = worker.received.slice(worker.received.findIndex((m) => m.type === 'end') + 1);
    const sentBack = lastParts.flatMap((m) => (m.type === 'part' ? m.nodes : []));
    expect(sentBack).toContain(same);
    expect(sentBack.filter((n) => typeof n !== 'string').map((n) => (n as { id: string }).id)).toContain(
      changed.id,
    );
  });

  it('puts a new raw image on a node whose lineage did not change but whose Glance record did', async () => {
    const input = demoInput();
    const builder = createWorkerBuilder(fakeWorker());
    const first = await builder.build(input);
    const tagged = { ...input.images[0]!, tags: ['new-tag'] };
    const images = [tagged, ...input.images.slice(1)];
    const second = await builder.build({ ...input, images });
    expect(second?.nodes.get(tagged.id)?.image).toBe(tagged);
    expect(first?.nodes.get(tagged.id)?.image).toBe(input.images[0]);
    expect(second).toEqual(buildLineage({ ...input, images }));
  });

  it('waits the size-dependent gap between the starts of two builds', async () => {
    const input = demoInput();
    let clock = 0;
    const worker = fakeWorker();
    const builder = createWorkerBuilder(worker, { gapMs: () => 50, now: () => clock });
    await builder.build(input);
    const builds = () => worker.sent.filter((m) => m.type === 'build').length;
    const next = builder.build({ ...input, images: input.images.slice(1) });
    await new Promise((r) => setTimeout(r, 10));
    expect(builds()).toBe(1);
    clock = 60;
    expect((await next)?.nodes.has(input.images[0]!.id)).toBe(false);
    expect(builds()).toBe(2);
  });

  it('starts the build of complete listings without waiting out the gap', async () => {
    const input = demoInput();
    const worker = fakeWorker();
    const builder = createWorkerBuilder(worker, { gapMs: () => 60_000, now: () => 0 });
    await builder.build(input);
    const graph = await builder.build({ ...input, images: input.images.slice(1) }, true);
    expect(graph?.nodes.has(input.images[0]!.id)).toBe(false);
  });

  it('rebuilds big clouds less often than small ones, in proportion to their size', () => {
    expect(rebuildGapMs(1000)).toBe(0);
    expect(rebuildGapMs(4999)).toBe(0);
    expect(rebuildGapMs(10_000)).toBe(1000);
    expect(rebuildGapMs(50_000)).toBe(5000);
  });
});
