/**
 * The lineage worker: holds a copy of the listings (sent incrementally by the page) and runs buildLineage
 * off the page's main thread, sending the graph back in parts (src/api/lineage-transfer.ts).
 */
import { buildLineage } from '../lineage';
import type { GlanceImage, NovaServer } from '../openstack/types';
import {
  encodeGraph,
  ListingMirror,
  type FromWorker,
  type ListingKey,
  type ToWorker,
} from '../api/lineage-transfer';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ToWorker>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const mirrors: Record<ListingKey, ListingMirror> = {
  images: new ListingMirror(),
  servers: new ListingMirror(),
  deletedServers: new ListingMirror(),
};

scope.addEventListener('message', (e) => {
  const m = e.data;
  if (m.type === 'sync') {
    mirrors[m.listing].apply(m);
    return;
  }
  try {
    const graph = buildLineage({
      images: mirrors.images.items as GlanceImage[],
      servers: mirrors.servers.items as NovaServer[],
      deletedServers: mirrors.deletedServers.items as NovaServer[],
      viewer: m.viewer,
    });
    for (const msg of encodeGraph(graph, m.seq)) scope.postMessage(msg);
  } catch (err) {
    scope.postMessage({
      type: 'failed',
      seq: m.seq,
      message: err instanceof Error ? err.message : String(err),
    });
  }
});
