/**
 * The lineage worker: holds a copy of the listings (sent incrementally by the page) and runs buildLineage
 * and layoutTree off the page's main thread, sending the graph back in parts, nodes unchanged since the
 * previous build as ids, and the layout as transferred typed arrays (src/api/lineage-transfer.ts).
 */
import { buildLineage, layoutTree } from '../lineage';
import type { GlanceImage, NovaServer } from '../openstack/types';
import {
  encodeGraph,
  ListingMirror,
  SentNodes,
  type FromWorker,
  type ListingKey,
  type ToWorker,
} from '../api/lineage-transfer';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ToWorker>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const mirrors: Record<ListingKey, ListingMirror> = {
  images: new ListingMirror(),
  servers: new ListingMirror(),
  deletedServers: new ListingMirror(),
};
const sent = new SentNodes();

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
    const layout = m.layout ? layoutTree(graph, m.layout) : undefined;
    for (const msg of encodeGraph(graph, m.seq, undefined, { sent, layout })) {
      if (msg.type === 'end' && msg.layout)
        scope.postMessage(msg, [msg.layout.xy.buffer, msg.layout.ends.buffer]);
      else scope.postMessage(msg);
    }
  } catch (err) {
    scope.postMessage({
      type: 'failed',
      seq: m.seq,
      message: err instanceof Error ? err.message : String(err),
    });
  }
});
