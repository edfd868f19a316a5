/** What deleting a set of images would do: what may go, what is refused and why, and what loses its parent/root. */
import type { LineageGraph, Viewer } from './types';
import { deleteRefusals } from './safety';
import { label } from './classify';

export interface IdReason {
  id: string;
  reason: string;
}

export interface DeletionImpact {
  deletable: IdReason[];
  refused: IdReason[];
  /** Nodes outside the deletion that lose their parent or their root image. */
  breaks: IdReason[];
  /** Bytes freed by the deletable images. */
  bytes: number;
}

export function deletionImpact(graph: LineageGraph, ids: Iterable<string>, viewer: Viewer): DeletionImpact {
  const wanted = [...new Set(ids)];
  const deletable: IdReason[] = [];
  const refused: IdReason[] = [];
  let bytes = 0;
  for (const id of wanted) {
    const node = graph.nodes.get(id);
    const refusals = deleteRefusals(node, viewer);
    if (refusals.length > 0 || !node) {
      refused.push({ id, reason: refusals.join('; ') });
      continue;
    }
    const orphan = node.facts.find((f) => f.kind === 'orphan');
    deletable.push({
      id,
      reason: orphan ? `orphan: ${orphan.reason}` : `${node.kind}, nothing depends on it`,
    });
    bytes += node.sizeBytes ?? 0;
  }

  const going = new Set(deletable.map((d) => d.id));
  const breaks = new Map<string, string>();
  const note = (id: string, reason: string): void => {
    if (going.has(id) || breaks.has(id)) return;
    const node = graph.nodes.get(id);
    if (!node || node.status === 'DELETED') return;
    breaks.set(id, reason);
  };
  if (going.size > 0) {
    for (const id of going) {
      const parent = graph.nodes.get(id);
      for (const kid of graph.children.get(id) ?? [])
        note(kid, `loses its parent ${label(parent?.name, id)}`);
    }
    for (const node of graph.nodes.values()) {
      if (node.rootId !== null && going.has(node.rootId) && node.id !== node.rootId) {
        const root = graph.nodes.get(node.rootId);
        note(node.id, `loses its root image ${label(root?.name, node.rootId)}`);
      }
    }
  }
  return {
    deletable,
    refused,
    breaks: [...breaks].map(([id, reason]) => ({ id, reason })),
    bytes,
  };
}
