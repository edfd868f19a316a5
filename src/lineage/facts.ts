/**
 * Per-node facts, each with its reason in words. Called by buildLineage once the forest is built (O(n)).
 *
 * Orphan is only ever claimed when it is certain: the snapshot's server is listed as DELETED, or it is
 * absent from a server list that covers the instance's project (admin with all projects, or the viewer's
 * own project). The instance's project is the image's `owner_id` property (written by Nova's libvirt
 * driver; differs from `owner` for an admin's snapshot of another project's server), else `owner`.
 * Otherwise the fact is `unknown`, never `orphan`.
 */
import type { GlanceImage, NovaServer } from '../openstack/types';
import type { BuildNotes } from './build-lineage';
import type { Fact, FactKind, LineageGraph, LineageNode, Viewer } from './types';
import {
  isImageKind,
  isShelvedImage,
  isShelvedServer,
  isTransitional,
  isVolumeBacked,
  label,
  PROVENANCE_KEYS,
  SHELVED_SUFFIX,
  stringProperty,
} from './classify';

export interface FactInput {
  images: ReadonlyMap<string, GlanceImage>;
  servers: ReadonlyMap<string, NovaServer>;
  viewer: Viewer;
  notes: BuildNotes;
}

export function hasFact(node: LineageNode, kind: FactKind): boolean {
  return node.facts.some((f) => f.kind === kind);
}

export function factOf(node: LineageNode, kind: FactKind): Fact | undefined {
  return node.facts.find((f) => f.kind === kind);
}

/** The project whose servers decide whether a snapshot's instance still exists. */
export function instanceProjectOf(image: GlanceImage): string | null {
  return stringProperty(image, 'owner_id') ?? image.owner ?? null;
}

/** Does the viewer's server list cover this project? */
export function canSeeServersOf(viewer: Viewer, projectId: string | null): boolean {
  if (viewer.isAdmin && viewer.allProjects) return true;
  return projectId !== null && viewer.projectId !== null && projectId === viewer.projectId;
}

/** Owned by another project than the viewer's (null owner: not foreign). */
export function isForeign(node: LineageNode, viewer: Viewer): boolean {
  return node.projectId !== null && node.projectId !== viewer.projectId;
}

function isLiveServer(node: LineageNode | undefined): boolean {
  return node !== undefined && node.kind === 'server' && node.status !== 'DELETED';
}

const MAX_EXAMPLES = 3;

interface UseCount {
  direct: string[];
  directCount: number;
  /** Live servers anywhere below, including the direct ones. */
  total: number;
  examples: string[];
}

/** Live servers below each node, accumulated children-first (reverse of the parents-first order). */
function countUse(notes: BuildNotes): (UseCount | undefined)[] {
  const { list, kids, order } = notes;
  const use: (UseCount | undefined)[] = new Array<UseCount | undefined>(list.length);
  for (let h = order.length - 1; h >= 0; h--) {
    const i = order[h] as number;
    const k = kids[i];
    if (!k) continue;
    let u: UseCount | undefined;
    for (const c of k) {
      const child = list[c] as LineageNode;
      const below = use[c];
      const live = isLiveServer(child);
      if (!live && !below) continue;
      u ??= { direct: [], directCount: 0, total: 0, examples: [] };
      if (live) {
        u.directCount++;
        u.total++;
        if (u.direct.length < MAX_EXAMPLES) u.direct.push(child.id);
      }
      if (below) {
        u.total += below.total;
        for (const e of below.direct) if (u.examples.length < MAX_EXAMPLES) u.examples.push(e);
        for (const e of below.examples) if (u.examples.length < MAX_EXAMPLES) u.examples.push(e);
      }
    }
    if (u) use[i] = u;
  }
  return use;
}

function names(graph: LineageGraph, ids: readonly string[], count: number): string {
  const shown = ids.map((id) => label(graph.nodes.get(id)?.name, id)).join(', ');
  return count > ids.length ? `${shown} and ${count - ids.length} more` : shown;
}

function inUseReason(graph: LineageGraph, u: UseCount): string {
  const indirect = u.total - u.directCount;
  const parts: string[] = [];
  if (u.directCount > 0)
    parts.push(
      `${u.directCount === 1 ? '1 server boots' : `${u.directCount} servers boot`} from it: ${names(graph, u.direct, u.directCount)}`,
    );
  if (indirect > 0)
    parts.push(
      `${indirect === 1 ? '1 server boots' : `${indirect} servers boot`} from images made from it: ${names(graph, u.examples, indirect)}`,
    );
  return parts.join('; ');
}

function addFact(node: LineageNode, kind: FactKind, reason: string): void {
  node.facts.push({ kind, reason });
}

export function deriveFacts(graph: LineageGraph, input: FactInput): void {
  const { viewer, notes } = input;
  const use = countUse(notes);

  // Shelved servers by project and name, for shelve images whose instance_uuid does not lead to them.
  const shelvedByName = new Map<string, NovaServer>();
  for (const server of input.servers.values())
    if (isShelvedServer(server)) shelvedByName.set(`${server.tenant_id}\u0000${server.name}`, server);

  const foreignReasons = new Map<string | null, string>();
  for (let i = 0; i < notes.list.length; i++) {
    const node = notes.list[i] as LineageNode;
    const cycle = notes.cycles.get(node.id);
    if (cycle !== undefined) addFact(node, 'cycle', cycle);
    for (const reason of notes.broken.get(node.id) ?? []) addFact(node, 'broken-chain', reason);

    if (node.kind === 'missing-image') {
      const refs = graph.children.get(node.id)?.length ?? 0;
      addFact(
        node,
        'broken-chain',
        `this image is referenced by ${refs} node${refs === 1 ? '' : 's'} but is not in the image list (deleted, or not visible to you)`,
      );
      continue;
    }
    if (node.kind === 'missing-server') continue;

    if (node.kind === 'server') {
      if (node.status === 'DELETED')
        addFact(
          node,
          'deleted-server',
          `server ${label(node.name, node.id)} was deleted; Nova still lists it for admins`,
        );
      if (isForeign(node, viewer))
        addFact(node, 'foreign', `server of project ${node.projectId ?? '?'}, not yours`);
      continue;
    }

    const image = node.image;
    if (!image || !isImageKind(node.kind)) continue;
    const me = label(node.name, node.id);

    if (image.protected === true)
      addFact(node, 'protected', `${me} is protected: Glance refuses to delete it`);
    if (isTransitional(image))
      addFact(node, 'transitional', `${me} is ${image.status}: its data is not settled yet`);
    if (isForeign(node, viewer)) {
      let reason = foreignReasons.get(node.projectId);
      if (reason === undefined) {
        reason = `owned by project ${node.projectId ?? '?'}, not by your project ${viewer.projectId ?? '(none)'}`;
        foreignReasons.set(node.projectId, reason);
      }
      addFact(node, 'foreign', reason);
    }
    const instance = stringProperty(image, 'instance_uuid');
    // On a snapshot, provenance keys were inherited from the converted image its server booted from.
    const source = instance === undefined ? stringProperty(image, PROVENANCE_KEYS.sourceImage) : undefined;
    if (source !== undefined) {
      const at = stringProperty(image, PROVENANCE_KEYS.convertedAt);
      const by = stringProperty(image, PROVENANCE_KEYS.convertedBy);
      const sourceName = input.images.get(source)?.name;
      const what = source === image.id ? 'converted in place' : `converted from ${label(sourceName, source)}`;
      addFact(node, 'converted', `${what}${at ? ` at ${at}` : ''}${by ? ` by ${by}` : ''}`);
    }

    const u = use[i];
    if (u) addFact(node, 'in-use', inUseReason(graph, u));

    if (instance === undefined) {
      if (node.kind === 'volume-snapshot')
        addFact(
          node,
          'unknown',
          `${me} is a volume-backed snapshot: its data is in Cinder volume snapshots this app cannot see`,
        );
      continue;
    }
    const server = input.servers.get(instance);
    const serverNode = graph.nodes.get(instance);
    const instanceProject = instanceProjectOf(image);

    if (server && isShelvedImage(image, server)) {
      addFact(
        node,
        'shelved',
        `shelve image of server ${label(server.name, server.id)} (${server.status}): deleting it destroys the server's disk`,
      );
      continue;
    }
    if (!server && (image.name ?? '').endsWith(SHELVED_SUFFIX)) {
      const byName = shelvedByName.get(
        `${instanceProject ?? ''}\u0000${(image.name ?? '').slice(0, -SHELVED_SUFFIX.length)}`,
      );
      if (byName) {
        addFact(
          node,
          'shelved',
          `named like the shelve image of server ${label(byName.name, byName.id)} (${byName.status}): deleting it may destroy the server's disk`,
        );
        continue;
      }
    }
    if (isVolumeBacked(image)) {
      addFact(
        node,
        'unknown',
        `${me} is a volume-backed snapshot: its data is in Cinder volume snapshots this app cannot see`,
      );
      continue;
    }
    if (server && serverNode) {
      if (serverNode.status === 'DELETED')
        addFact(
          node,
          'orphan',
          `its server ${label(server.name, server.id)} was deleted (Nova lists it as DELETED)`,
        );
      continue;
    }
    if (canSeeServersOf(viewer, instanceProject)) {
      addFact(node, 'orphan', `its server ${instance.slice(0, 8)} no longer exists`);
    } else {
      addFact(
        node,
        'unknown',
        `its server ${instance.slice(0, 8)} is not in your server list, which does not cover project ${instanceProject ?? '?'}${
          viewer.isAdmin ? ' (list all projects to decide)' : ''
        }`,
      );
    }
  }
}
