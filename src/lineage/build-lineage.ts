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
  /** All node ids, parents before children. */
  order: string[];
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
  const notes: BuildNotes = { broken: new Map(), cycles: new Map(), order: [] };

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
    if (!images.has(ref)) addBroken(server.id, `the image it booted from (${ref.slice(0, 8)}) is not in the image list`);
    parents.set(server.id, { id: parent, kind: 'booted-from' });
  }

  breakCycles(nodes, parents, problems, notes);

  const edges: LineageEdge[] = [];
  const childNodes = new Map<string, LineageNode[]>();
  const rootNodes: LineageNode[] = [];
  for (const node of nodes.values()) {
    const link = parents.get(node.id);
    if (!link) {
      rootNodes.push(node);
      continue;
    }
    node.parentId = link.id;
    edges.push({ id: `${link.kind}:${link.id}->${node.id}`, source: link.id, target: node.id, kind: link.kind });
    const list = childNodes.get(link.id);
    if (list) list.push(node);
    else childNodes.set(link.id, [node]);
  }
  const ids = (list: LineageNode[]): string[] => {
    if (list.length > 1) list.sort(compareNodes);
    return list.map((n) => n.id);
  };
  const roots = ids(rootNodes);
  const children = new Map<string, string[]>();
  for (const [id, list] of childNodes) children.set(id, ids(list));

  // Parents before children (breadth-first from the roots); every node is reached once cycles are broken.
  const order = notes.order;
  for (const root of roots) order.push(root);
  for (let i = 0; i < order.length; i++) {
    const id = order[i] as string;
    const kids = children.get(id);
    if (kids) for (const kid of kids) order.push(kid);
  }
  assignRoots(nodes, order, images);

  const graph: LineageGraph = { nodes, edges, children, roots, problems };
  deriveFacts(graph, { images, servers, viewer: input.viewer, notes });
  return graph;
}

/** rootId: the top of the walk when it is an image (or a missing one); otherwise base_image_ref when listed. */
function assignRoots(nodes: Map<string, LineageNode>, order: readonly string[], images: Map<string, GlanceImage>): void {
  const top = new Map<string, string>();
  for (const id of order) {
    const node = nodes.get(id);
    if (!node) continue;
    const t = node.parentId === null ? id : (top.get(node.parentId) ?? id);
    top.set(id, t);
    const topNode = nodes.get(t);
    if (topNode && topNode.kind !== 'server' && topNode.kind !== 'missing-server') node.rootId = t;
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
  nodes: Map<string, LineageNode>,
  parents: Map<string, ParentLink>,
  problems: DataProblem[],
  notes: BuildNotes,
): void {
  const state = new Map<string, 1 | 2>(); // 1: on the current walk, 2: done
  let rankMap: Map<string, number> | null = null;
  const rankOf = (id: string): number => {
    if (!rankMap) {
      rankMap = new Map();
      let r = 0;
      for (const key of nodes.keys()) rankMap.set(key, r++);
    }
    return rankMap.get(id) ?? 0;
  };
  const path: string[] = [];
  for (const start of nodes.keys()) {
    if (state.has(start)) continue;
    path.length = 0;
    let cur: string | undefined = start;
    while (cur !== undefined && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      cur = parents.get(cur)?.id;
    }
    if (cur !== undefined && state.get(cur) === 1) {
      const members = path.slice(path.indexOf(cur));
      let cut = members[0] as string;
      for (const m of members) if (rankOf(m) < rankOf(cut)) cut = m;
      const names = members.map((m) => {
        const n = nodes.get(m);
        return label(n?.name, m);
      });
      const cutNode = nodes.get(cut);
      const message =
        members.length === 1
          ? `${label(cutNode?.name, cut)} is its own parent; the link was ignored`
          : `cycle ${names.join(' → ')} → ${names[0] ?? ''}; the link above ${label(cutNode?.name, cut)} was ignored`;
      problems.push({ kind: members.length === 1 ? 'self-reference' : 'cycle', ids: members, message });
      for (const m of members) notes.cycles.set(m, message);
      parents.delete(cut);
      const node = nodes.get(cut);
      if (node) node.unknownGenerations = false;
    }
    for (const p of path) state.set(p, 2);
  }
}
