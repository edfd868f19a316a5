/**
 * Moving a lineage between the page and the lineage worker without freezing the page:
 *   - the page sends each listing once, then only the items it has not sent yet plus the id order
 *     (a structured clone of 50,000 images takes seconds; a page of new items takes milliseconds);
 *   - the worker sends the graph back in parts of a few thousand nodes, without the raw image and server
 *     objects (the page has them already and puts them back by id), so each message is a short task.
 */
import type { NovaServer } from '../openstack/types';
import type { GlanceImage } from '../openstack/types';
import type { DataProblem, LineageEdge, LineageGraph, LineageNode, Viewer } from '../lineage/types';

export type ListingKey = 'images' | 'servers' | 'deletedServers';
type Item = { id: string };

export interface SyncMessage {
  type: 'sync';
  listing: ListingKey;
  /** The listing's ids in order (items not in `items` were sent before); null: more items follow first. */
  ids: string[] | null;
  items: Item[];
  /** `items` is the whole listing (duplicate ids: the worker cannot key them by id). */
  whole: boolean;
}

export interface BuildMessage {
  type: 'build';
  seq: number;
  viewer: Viewer;
}

export type ToWorker = SyncMessage | BuildMessage;

export type SlimNode = Omit<LineageNode, 'image' | 'server'>;

export interface GraphPart {
  type: 'part';
  seq: number;
  nodes: SlimNode[];
  edges: LineageEdge[];
  children: [string, string[]][];
}

export interface GraphEnd {
  type: 'end';
  seq: number;
  roots: string[];
  problems: DataProblem[];
}

export interface BuildFailed {
  type: 'failed';
  seq: number;
  message: string;
}

export type FromWorker = GraphPart | GraphEnd | BuildFailed;

/** The page's side of one listing: what to send so the worker holds the same list. */
export class ListingSender<T extends Item> {
  #sent = new WeakSet<object>();
  #last: readonly T[] | null = null;

  constructor(readonly listing: ListingKey) {}

  /**
   * The messages that bring the worker up to `items` (none when it has them already): new items in slices
   * of `slice`, so each postMessage copies little, the id order with the last one.
   */
  diff(items: readonly T[], slice = 2000): SyncMessage[] {
    if (items === this.#last) return [];
    this.#last = items;
    const ids = items.map((i) => i.id);
    const whole = new Set(ids).size !== ids.length;
    if (whole) return [{ type: 'sync', listing: this.listing, ids: [], items: [...items], whole }];
    const fresh = items.filter((i) => !this.#sent.has(i));
    for (const i of fresh) this.#sent.add(i);
    const out: SyncMessage[] = [];
    for (let at = 0; at + slice < fresh.length; at += slice)
      out.push({ type: 'sync', listing: this.listing, ids: null, items: fresh.slice(at, at + slice), whole });
    const rest = fresh.slice(out.length * slice);
    out.push({ type: 'sync', listing: this.listing, ids, items: rest, whole });
    return out;
  }
}

/** The worker's side of one listing. */
export class ListingMirror {
  #byId = new Map<string, Item>();
  items: Item[] = [];

  apply(m: SyncMessage): void {
    if (m.whole) {
      this.items = m.items;
      this.#byId = new Map();
      return;
    }
    for (const i of m.items) this.#byId.set(i.id, i);
    if (m.ids === null) return;
    const next = new Map<string, Item>();
    this.items = m.ids.map((id) => {
      const item = this.#byId.get(id);
      if (!item) throw new Error(`listing ${m.listing}: item ${id} was never sent`);
      next.set(id, item);
      return item;
    });
    this.#byId = next;
  }
}

export const PART_SIZE = 3000;

/** The graph as parts of `size` nodes (with their children) and edges, then its end. */
export function* encodeGraph(graph: LineageGraph, seq: number, size = PART_SIZE): Generator<FromWorker> {
  const nodes = [...graph.nodes.values()];
  const parts = Math.max(1, Math.ceil(nodes.length / size), Math.ceil(graph.edges.length / size));
  for (let p = 0; p < parts; p++) {
    const slice = nodes.slice(p * size, (p + 1) * size);
    yield {
      type: 'part',
      seq,
      nodes: slice.map(({ image: _i, server: _s, ...rest }) => rest),
      edges: graph.edges.slice(p * size, (p + 1) * size),
      children: slice.flatMap((n): [string, string[]][] => {
        const kids = graph.children.get(n.id);
        return kids ? [[n.id, kids]] : [];
      }),
    };
  }
  yield { type: 'end', seq, roots: graph.roots, problems: graph.problems };
}

export interface RawLookup {
  images: readonly GlanceImage[];
  servers: readonly NovaServer[];
  deletedServers?: readonly NovaServer[];
}

/** The graph again, with each node's raw image or server taken from the page's own listings. */
export function decodeGraph(parts: readonly GraphPart[], end: GraphEnd, raw: RawLookup): LineageGraph {
  const images = new Map<string, GlanceImage>();
  for (const i of raw.images) if (!images.has(i.id)) images.set(i.id, i);
  const servers = new Map<string, NovaServer>();
  for (const s of raw.servers) if (!servers.has(s.id)) servers.set(s.id, s);
  for (const s of raw.deletedServers ?? []) if (!servers.has(s.id)) servers.set(s.id, s);
  const nodes = new Map<string, LineageNode>();
  const edges: LineageEdge[] = [];
  const children = new Map<string, string[]>();
  for (const part of parts) {
    for (const slim of part.nodes) {
      const node: LineageNode = { ...slim };
      if (slim.kind === 'server') {
        const s = servers.get(slim.id);
        if (s) node.server = s;
      } else if (slim.kind !== 'missing-image' && slim.kind !== 'missing-server') {
        const i = images.get(slim.id);
        if (i) node.image = i;
      }
      nodes.set(slim.id, node);
    }
    for (const e of part.edges) edges.push(e);
    for (const [id, kids] of part.children) children.set(id, kids);
  }
  return { nodes, edges, children, roots: end.roots, problems: end.problems };
}
