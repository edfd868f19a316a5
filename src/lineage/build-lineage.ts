/**
 * Builds the lineage forest from Glance images and Nova servers, in O(n).
 *
 * Parents (each node has at most one):
 * - a server's parent is the image it booted from (`server.image.id`); boot-from-volume (`""`) is a root;
 * - a converted image's parent is its source (`glance_lineage_source_image`);
 * - a snapshot's parent is the server it was taken from (`instance_uuid`) while that server is listed
 *   (deleted servers too, when an admin lists them); when the server is gone the snapshot hangs under its
 *   ROOT (`base_image_ref`, which Nova copies unchanged down every generation) with `unknownGenerations`,
 *   or under a `missing-server` placeholder when it has no `base_image_ref`.
 * References to images that do not exist become `missing-image` placeholders; nothing is dropped.
 * Cycles and self-references are reported in `problems`, marked with a `cycle` fact, and broken.
 */
import type { GlanceImage, NovaServer } from '../openstack/types';
import type { DataProblem, EdgeKind, LineageEdge, LineageGraph, LineageInput, LineageNode } from './types';
import { classifyImage, label, PROVENANCE_KEYS, stringProperty } from './classify';
import { deriveFacts } from './facts';

const MISSING_IMAGE = 'missing-image:';
const MISSING_SERVER = 'missing-server:';

/** Node id of the placeholder for an image id that is referenced but not listed. */
export function missingImageId(ref: string): string {
  return MISSING_IMAGE + ref;
}
/** Node id of the placeholder for a server id that is referenced but not listed. */
export function missingServerId(ref: string): string {
  return MISSING_SERVER + ref;
}
/** The referenced id behind a placeholder node id (or the id itself). */
export function referencedId(nodeId: string): string {
  if (nodeId.startsWith(MISSING_IMAGE)) return nodeId.slice(MISSING_IMAGE.length);
  if (nodeId.startsWith(MISSING_SERVER)) return nodeId.slice(MISSING_SERVER.length);
  return nodeId;
}

/** What the builder learnt on the way that facts.ts needs. */
export interface BuildNotes {
  /** node id -> reasons its references are broken (missing root, missing boot image, missing source). */
  broken: Map<string, string[]>;
  /** node id -> reason it took part in a cycle or self-reference. */
  cycles: Map<string, string>;
  /** Every node, numbered in insertion order. */
  list: LineageNode[];
  /** Parent index per node (-1 for roots), once cycles are broken. */
  parent: Int32Array;
  /** Child indexes per node, in the graph's stable order. */
  kids: (number[] | undefined)[];
  /** Node indexes, parents before children. */
  order: Int32Array;
}

interface ParentLink {
  id: string;
  kind: EdgeKind;
}

function imageNode(image: GlanceImage): LineageNode {
  return {
    id: image.id,
    kind: classifyImage(image),
    name: image.name ?? '',
    projectId: image.owner ?? null,
    createdAt: image.created_at ?? null,
    status: image.status ?? null,
    sizeBytes: typeof image.size === 'number' ? image.size : null,
    parentId: null,
    rootId: null,
    unknownGenerations: false,
    facts: [],
    image,
  };
}

function serverNode(server: NovaServer): LineageNode {
  return {
    id: server.id,
    kind: 'server',
    name: server.name ?? '',
    projectId: server.tenant_id ?? null,
    createdAt: server.created ?? null,
    status: server.status ?? null,
    sizeBytes: null,
    parentId: null,
    rootId: null,
    unknownGenerations: false,
    facts: [],
    server,
  };
}

function placeholder(id: string, kind: 'missing-image' | 'missing-server', ref: string): LineageNode {
  return {
    id,
    kind,
    name: `${kind === 'missing-image' ? 'missing image' : 'missing server'} ${ref.slice(0, 8)}`,
    projectId: null,
    createdAt: null,
    status: null,
    sizeBytes: null,
    parentId: null,
    rootId: null,
    unknownGenerations: false,
    facts: [],
  };
}

function bootImageId(server: NovaServer): string | undefined {
  const image: unknown = server.image;
  if (image && typeof image === 'object' && 'id' in image && typeof image.id === 'string' && image.id !== '')
    return image.id;
  return undefined;
}

/** Stable order: oldest first, then by name, then by id. */
function compareNodes(a: LineageNode, b: LineageNode): number {
  const ca = a.createdAt ?? '';
  const cb = b.createdAt ?? '';
  if (ca !== cb) return ca < cb ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function buildLineage(input: LineageInput): LineageGraph {
  const problems: DataProblem[] = [];
  const nodes = new Map<string, LineageNode>();
  const images = new Map<string, GlanceImage>();
  const servers = new Map<string, NovaServer>();
  const parents = new Map<string, ParentLink>();
  const notes: BuildNotes = {
    broken: new Map(),
    cycles: new Map(),
    list: [],
    parent: new Int32Array(0),
    kids: [],
    order: new Int32Array(0),
  };

  const addBroken = (id: string, reason: string): void => {
    const list = notes.broken.get(id);
    if (list) list.push(reason);
    else notes.broken.set(id, [reason]);
  };
  const duplicate = (id: string, what: string): void => {
    problems.push({
      kind: 'duplicate-id',
      ids: [id],
      message: `${what} ${id} appears more than once; the first one is used`,
    });
  };

  for (const image of input.images) {
    if (nodes.has(image.id)) {
      duplicate(image.id, 'image');
      continue;
    }
    images.set(image.id, image);
    nodes.set(image.id, imageNode(image));
  }
  for (const server of input.servers) {
    if (nodes.has(server.id)) {
      duplicate(server.id, images.has(server.id) ? 'server (same id as an image)' : 'server');
      continue;
    }
    servers.set(server.id, server);
    nodes.set(server.id, serverNode(server));
  }
  for (const server of input.deletedServers ?? []) {
    if (servers.has(server.id)) continue; // listed as live too: the live record wins
    if (nodes.has(server.id)) {
      duplicate(server.id, 'deleted server (same id as an image)');
      continue;
    }
    servers.set(server.id, server);
    nodes.set(server.id, serverNode(server));
  }

  const imageOrMissing = (ref: string): string => {
    if (images.has(ref)) return ref;
    const id = missingImageId(ref);
    if (!nodes.has(id)) nodes.set(id, placeholder(id, 'missing-image', ref));
    return id;
  };
  const serverOrMissing = (ref: string): string => {
    if (servers.has(ref)) return ref;
    const id = missingServerId(ref);
    if (!nodes.has(id)) nodes.set(id, placeholder(id, 'missing-server', ref));
    return id;
  };
  const selfReference = (node: LineageNode, key: string): void => {
    const message = `image ${label(node.name, node.id)} names itself in ${key}`;
    problems.push({ kind: 'self-reference', ids: [node.id], message });
    notes.cycles.set(node.id, message);
  };

  for (const image of images.values()) {
    const node = nodes.get(image.id);
    if (!node) continue;
    let instance = stringProperty(image, 'instance_uuid');
    // Provenance counts only on images without instance_uuid (conversions remove it): on a snapshot it was
    // inherited from the converted image its server booted from (Nova copies the boot image's properties).
    const converted = instance === undefined;
    let source = converted ? stringProperty(image, PROVENANCE_KEYS.sourceImage) : undefined;
    let base = stringProperty(image, 'base_image_ref');
    let provenanceBase = converted ? stringProperty(image, PROVENANCE_KEYS.baseImageRef) : undefined;
    const sourceServer = converted ? stringProperty(image, PROVENANCE_KEYS.sourceServer) : undefined;
    const recordedServer = sourceServer !== undefined ? servers.get(sourceServer) : undefined;
    if (
      source === image.id ||
      (source !== undefined && recordedServer !== undefined && bootImageId(recordedServer) === source)
    ) {
      // Converted in place (planGolden writes its own id as source; a source naming the recorded server's
      // boot image says the same): the lineage continues through the recorded server and root.
      source = undefined;
      instance ??= sourceServer;
      base ??= provenanceBase;
    }
    if (base === image.id) {
      selfReference(node, 'base_image_ref');
      base = undefined;
    }
    if (provenanceBase === image.id) {
      selfReference(node, PROVENANCE_KEYS.baseImageRef);
      provenanceBase = undefined;
    }
    if (base !== undefined && !images.has(base))
      addBroken(image.id, `its root image ${base.slice(0, 8)} (base_image_ref) is not in the image list`);

    if (source !== undefined) {
      if (images.has(source)) {
        parents.set(image.id, { id: source, kind: 'converted-from' });
        continue;
      }
      addBroken(image.id, `the image it was converted from (${source.slice(0, 8)}) is not in the image list`);
      const root = provenanceBase ?? base;
      if (root !== undefined) {
        parents.set(image.id, { id: imageOrMissing(root), kind: 'root-only' });
        node.unknownGenerations = true;
      } else {
        parents.set(image.id, { id: imageOrMissing(source), kind: 'converted-from' });
      }
      continue;
    }
    if (instance !== undefined) {
      if (servers.has(instance)) {
        parents.set(image.id, { id: instance, kind: 'snapshot-of' });
      } else if (base !== undefined) {
        parents.set(image.id, { id: imageOrMissing(base), kind: 'root-only' });
        node.unknownGenerations = true;
      } else {
        parents.set(image.id, { id: serverOrMissing(instance), kind: 'snapshot-of' });
      }
    }
  }

  for (const server of servers.values()) {
    const ref = bootImageId(server);
    if (ref === undefined) continue; // boot from volume: a root
    const parent = imageOrMissing(ref);
    if (!images.has(ref))
      addBroken(server.id, `the image it booted from (${ref.slice(0, 8)}) is not in the image list`);
    parents.set(server.id, { id: parent, kind: 'booted-from' });
  }

  // From here on nodes are numbered in insertion order, and the walks run over arrays.
  const list = [...nodes.values()];
  const n = list.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set((list[i] as LineageNode).id, i);
  const parent = new Int32Array(n).fill(-1);
  const parentKind: EdgeKind[] = new Array<EdgeKind>(n);
  for (const [id, link] of parents) {
    const i = index.get(id);
    const p = index.get(link.id);
    if (i === undefined || p === undefined) continue;
    parent[i] = p;
    parentKind[i] = link.kind;
  }
  breakCycles(list, parent, problems, notes);

  const edges: LineageEdge[] = [];
  const kids: (number[] | undefined)[] = new Array<number[] | undefined>(n);
  const rootIdx: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = parent[i] as number;
    if (p < 0) {
      rootIdx.push(i);
      continue;
    }
    const node = list[i] as LineageNode;
    const parentId = (list[p] as LineageNode).id;
    const kind = parentKind[i] as EdgeKind;
    node.parentId = parentId;
    edges.push({ id: `${kind}:${parentId}->${node.id}`, source: parentId, target: node.id, kind });
    const k = kids[p];
    if (k) k.push(i);
    else kids[p] = [i];
  }
  const byNode = (a: number, b: number): number =>
    compareNodes(list[a] as LineageNode, list[b] as LineageNode);
  rootIdx.sort(byNode);
  const roots = rootIdx.map((i) => (list[i] as LineageNode).id);
  const children = new Map<string, string[]>();
  for (let i = 0; i < n; i++) {
    const k = kids[i];
    if (!k) continue;
    if (k.length > 1) k.sort(byNode);
    children.set(
      (list[i] as LineageNode).id,
      k.map((c) => (list[c] as LineageNode).id),
    );
  }

  // Parents before children (breadth-first from the roots); every node is reached once cycles are broken.
  const order = new Int32Array(n);
  let len = 0;
  for (const r of rootIdx) order[len++] = r;
  for (let h = 0; h < len; h++) {
    const k = kids[order[h] as number];
    if (k) for (const c of k) order[len++] = c;
  }
  notes.list = list;
  notes.parent = parent;
  notes.kids = kids;
  notes.order = order.subarray(0, len);
  assignRoots(notes, images);

  const graph: LineageGraph = { nodes, edges, children, roots, problems };
  deriveFacts(graph, { images, servers, viewer: input.viewer, notes });
  return graph;
}

/** rootId: the top of the walk when it is an image (or a missing one); otherwise base_image_ref when listed. */
function assignRoots(notes: BuildNotes, images: Map<string, GlanceImage>): void {
  const { list, parent, order } = notes;
  const top = new Int32Array(list.length);
  for (const i of order) {
    const p = parent[i] as number;
    const t = p < 0 ? i : (top[p] as number);
    top[i] = t;
    const node = list[i] as LineageNode;
    const topNode = list[t] as LineageNode;
    if (topNode.kind !== 'server' && topNode.kind !== 'missing-server') node.rootId = topNode.id;
    else {
      const base = node.image ? stringProperty(node.image, 'base_image_ref') : undefined;
      node.rootId = base !== undefined && images.has(base) ? base : null;
    }
  }
}

/**
 * Every node has at most one parent, so the parent links form a functional graph: one walk per node with
 * three colours finds every cycle in O(n). A cycle is broken at its first member in input order (images
 * before servers), which becomes a root.
 */
function breakCycles(
  list: LineageNode[],
  parent: Int32Array,
  problems: DataProblem[],
  notes: BuildNotes,
): void {
  const n = list.length;
  const state = new Uint8Array(n); // 0: not seen, 1: on the current walk, 2: done
  const path: number[] = [];
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0) continue;
    path.length = 0;
    let cur = start;
    while (cur >= 0 && state[cur] === 0) {
      state[cur] = 1;
      path.push(cur);
      cur = parent[cur] as number;
    }
    if (cur >= 0 && state[cur] === 1) {
      const members = path.slice(path.indexOf(cur));
      let cut = members[0] as number;
      for (const m of members) if (m < cut) cut = m;
      const cutNode = list[cut] as LineageNode;
      const names = members.map((m) => label((list[m] as LineageNode).name, (list[m] as LineageNode).id));
      const message =
        members.length === 1
          ? `${label(cutNode.name, cutNode.id)} is its own parent; the link was ignored`
          : `cycle ${names.join(' → ')} → ${names[0] ?? ''}; the link above ${label(cutNode.name, cutNode.id)} was ignored`;
      const ids = members.map((m) => (list[m] as LineageNode).id);
      problems.push({ kind: members.length === 1 ? 'self-reference' : 'cycle', ids, message });
      for (const id of ids) notes.cycles.set(id, message);
      parent[cut] = -1;
      cutNode.unknownGenerations = false;
    }
    for (const p of path) state[p] = 2;
  }
}
