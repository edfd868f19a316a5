import { describe, expect, it } from 'vitest';
import { buildLineage } from '../lineage';
import type { LineageInput } from '../lineage/types';
import type { NovaServer } from '../openstack/types';
import { createSimulator } from '../sim';
import { createWorkerBuilder, type WorkerLike } from './lineage-builder';
import {
  encodeGraph,
  ListingMirror,
  type FromWorker,
  type ListingKey,
  type ToWorker,
} from './lineage-transfer';

/** The worker's logic in-process, behind structured clones both ways (as postMessage does). */
function fakeWorker(): WorkerLike & { sent: ToWorker[] } {
  const listeners: ((e: MessageEvent<FromWorker>) => void)[] = [];
  const mirrors: Record<ListingKey, ListingMirror> = {
    images: new ListingMirror(),
    servers: new ListingMirror(),
    deletedServers: new ListingMirror(),
  };
  const sent: ToWorker[] = [];
  return {
    sent,
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
        for (const out of encodeGraph(graph, m.seq, 7)) {
          const data = structuredClone(out);
          for (const l of listeners) l({ data } as MessageEvent<FromWorker>);
        }
      }, 0);
    },
    addEventListener(type: string, l: (e: MessageEvent<FromWorker>) => void) {
      if (type === 'message') listeners.push(l);
    },
  } as WorkerLike & { sent: ToWorker[] };
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
