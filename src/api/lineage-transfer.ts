/**
 * Moving a lineage between the page and the lineage worker without freezing the page:
 *   - the page sends each listing once, then only the items it has not sent yet plus the id order
 *     (a structured clone of 50,000 images takes seconds; a page of new items takes milliseconds);
 *   - the worker sends the graph back in parts of a few thousand nodes, without the raw image and server
 *     objects (the page has them already and puts them back by id), so each message is a short task;
 *   - a node that has not changed since the previous build is sent as its id alone, and the page keeps its
 *     node object from that build (so views can tell unchanged nodes by identity);
 *   - the worker lays the graph out too: positions come back as one Float64Array (transferred, not copied).
 */
import type { NovaServer } from '../openstack/types';
import type { GlanceImage } from '../openstack/types';
import type { LayoutOptions, TreeLayout } from '../lineage';
import type { DataProblem, LineageEdge, LineageGraph, LineageNode, Viewer } from '../lineage/types';
import type { PackedLayout } from './graph-layout';

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
  /** Lay the graph out with these options too (never with collapsed nodes). */
  layout?: Omit<LayoutOptions, 'collapsed'>;
}

export type ToWorker = SyncMessage | BuildMessage;

export type SlimNode = Omit<LineageNode, 'image' | 'server'>;

export interface GraphPart {
  type: 'part';
  seq: number;
  /** A node, or the id of a node unchanged since the previous build the page received. */
  nodes: (SlimNode | string)[];
  edges: LineageEdge[];
  children: [string, string[]][];
}

export interface GraphEnd {
  type: 'end';
  seq: number;
  roots: string[];
  problems: DataProblem[];
  /** x, y of every node in the order of the parts' nodes, edge ends as node indices (with a layout). */
  layout?: PackedLayout;
}

export interface BuildFailed {
  type: 'failed';
  seq: number;
  message: string;
}

export type FromWorker = GraphPart | GraphEnd | BuildFailed;

/** Items a `diff` step looks through before it lets the page go (a check costs well under a microsecond). */
const SCAN_STEP = 5_000;

/** The page's side of one listing: what to send so the worker holds the same list. */
export class ListingSender<T extends Item> {
  #sent = new WeakSet<object>();
  #last: readonly T[] | null = null;
  #index: ReadonlyMap<string, T> = new Map();

  constructor(readonly listing: ListingKey) {}

  /**
   * The items of the listing last diffed, by id (the first of a duplicate id), made by the diff's own
   * steps: the graph decoder puts raw objects back through it, so it never looks through 50,000 images in
   * one task to key them (~50 ms on a restored cache).
   */
  get index(): ReadonlyMap<string, T> {
    return this.#index;
  }

  /**
   * The messages that bring the worker up to `items` (none when it has them already), made step by step:
   * each step looks through at most SCAN_STEP items and yields a message of up to `slice` new items, or null
   * when it has none yet, so a caller taking one step per task never holds the page for the whole listing
   * (looking through 50,000 images at once took ~60 ms). The id order goes with the last message. A listing
   * with a duplicate id is sent whole at the end instead, and everything is sent again the next time.
   * `index` holds `items` once the last message is yielded.
   */
  *diff(items: readonly T[], slice = 500): Generator<SyncMessage | null> {
    if (items === this.#last) return;
    this.#last = items;
    const ids: string[] = new Array<string>(items.length);
    const index = new Map<string, T>();
    let duplicate = false;
    let fresh: T[] = [];
    for (let at = 0; at < items.length; at++) {
      const item = items[at] as T;
      ids[at] = item.id;
      if (index.has(item.id)) duplicate = true;
      else index.set(item.id, item);
      if (!this.#sent.has(item)) {
        this.#sent.add(item);
        fresh.push(item);
      }
      if (fresh.length === slice) {
        yield { type: 'sync', listing: this.listing, ids: null, items: fresh, whole: false };
        fresh = [];
      } else if ((at + 1) % SCAN_STEP === 0) yield null;
    }
    this.#index = index;
    if (duplicate) {
      this.#sent = new WeakSet();
      yield { type: 'sync', listing: this.listing, ids: [], items: [...items], whole: true };
      return;
    }
    yield { type: 'sync', listing: this.listing, ids, items: fresh, whole: false };
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

/** Nodes per part: the page reads each part in its own task (a part of 3,000 took ~60 ms to take in, one of 1,000 up to ~90 ms at 50k under load with its garbage). */
export const PART_SIZE = 500;

/** Remembers what each node looked like when last sent, so an unchanged one can go as its id. */
export class SentNodes {
  #keys = new Map<string, string>();

  /** `slim`, or its id when the previous build sent the same node; call `commit` once the build is sent. */
  encode(slim: SlimNode, next: Map<string, string>): SlimNode | string {
    const key = JSON.stringify(slim);
    next.set(slim.id, key);
    return this.#keys.get(slim.id) === key ? slim.id : slim;
  }

  commit(next: Map<string, string>): void {
    this.#keys = next;
  }
}

/** x, y per node in the graph's node order, and each edge's ends as indices in that order. */
export function packLayout(graph: LineageGraph, layout: TreeLayout): PackedLayout {
  const xy = new Float64Array(graph.nodes.size * 2);
  const index = new Map<string, number>();
  let i = 0;
  for (const id of graph.nodes.keys()) {
    const p = layout.positions.get(id);
    index.set(id, i / 2);
    xy[i++] = p?.x ?? NaN;
    xy[i++] = p?.y ?? NaN;
  }
  const ends = new Int32Array(graph.edges.length * 2);
  graph.edges.forEach((e, k) => {
    ends[2 * k] = index.get(e.source) ?? -1;
    ends[2 * k + 1] = index.get(e.target) ?? -1;
  });
  return { xy, ends, width: layout.width, height: layout.height };
}

/**
 * The graph as parts of `size` nodes (with their children) and edges, then its end. With `sent`, nodes the
 * page received unchanged in the previous build go as their ids (and `sent` learns this build's nodes once
 * the generator has run to its end).
 */
export function* encodeGraph(
  graph: LineageGraph,
  seq: number,
  size = PART_SIZE,
  extra: { sent?: SentNodes; layout?: TreeLayout } = {},
): Generator<FromWorker> {
  const nodes = [...graph.nodes.values()];
  const parts = Math.max(1, Math.ceil(nodes.length / size), Math.ceil(graph.edges.length / size));
  const next = new Map<string, string>();
  for (let p = 0; p < parts; p++) {
    const slice = nodes.slice(p * size, (p + 1) * size);
    yield {
      type: 'part',
      seq,
      nodes: slice.map(({ image: _i, server: _s, ...rest }) =>
        extra.sent ? extra.sent.encode(rest, next) : rest,
      ),
      edges: graph.edges.slice(p * size, (p + 1) * size),
      children: slice.flatMap((n): [string, string[]][] => {
        const kids = graph.children.get(n.id);
        return kids ? [[n.id, kids]] : [];
      }),
    };
  }
  const end: GraphEnd = { type: 'end', seq, roots: graph.roots, problems: graph.problems };
  if (extra.layout) end.layout = packLayout(graph, extra.layout);
  yield end;
  extra.sent?.commit(next);
}

/** The page's raw images and servers by id (deleted servers among the servers). */
export interface RawIndex {
  image(id: string): GlanceImage | undefined;
  server(id: string): NovaServer | undefined;
}

/**
 * Puts a graph back together part by part, as the parts arrive (each part's share of the work in its own
 * message task, instead of all of it at the end), with each node's raw image or server taken from the page's
 * own listings. A node sent as its id is the previous build's node object (when its raw image or server is
 * still the same object).
 */
export class GraphDecoder {
  readonly #raw: RawIndex;
  readonly #previous: LineageGraph | undefined;
  readonly #nodes = new Map<string, LineageNode>();
  readonly #edges: LineageEdge[] = [];
  readonly #children = new Map<string, string[]>();

  constructor(raw: RawIndex, previous?: LineageGraph) {
    this.#raw = raw;
    this.#previous = previous;
  }

  add(part: GraphPart): void {
    const raw = this.#raw;
    /** `node` with its raw image or server set; `node` is a fresh object of this decoder's own. */
    const withRaw = (node: LineageNode): LineageNode => {
      if (node.kind === 'server') {
        const s = raw.server(node.id);
        if (s) node.server = s;
      } else if (node.kind !== 'missing-image' && node.kind !== 'missing-server') {
        const i = raw.image(node.id);
        if (i) node.image = i;
      }
      return node;
    };
    for (const sent of part.nodes) {
      if (typeof sent === 'string') {
        const before = this.#previous?.nodes.get(sent);
        if (!before) throw new Error(`lineage transfer: node ${sent} was sent as unchanged but is not known`);
        const same =
          before.kind === 'server'
            ? before.server === raw.server(sent)
            : before.kind === 'missing-image' || before.kind === 'missing-server'
              ? true
              : before.image === raw.image(sent);
        if (same) this.#nodes.set(sent, before);
        else {
          const { image: _i, server: _s, ...rest } = before;
          this.#nodes.set(sent, withRaw(rest));
        }
      } else {
        // A structured clone made for this message: it can take its raw object in place, without a copy.
        this.#nodes.set(sent.id, withRaw(sent));
      }
    }
    for (const e of part.edges) this.#edges.push(e);
    for (const [id, kids] of part.children) this.#children.set(id, kids);
  }

  finish(end: GraphEnd): LineageGraph {
    return {
      nodes: this.#nodes,
      edges: this.#edges,
      children: this.#children,
      roots: end.roots,
      problems: end.problems,
    };
  }
}
