/** How a lineage node reads in a terminal line and in JSON. */
import type { Fact, FactKind, LineageNode } from '../lineage';
import { referencedId } from '../lineage';
import { formatBytes } from './format/bytes';

export function shortId(id: string): string {
  return referencedId(id).slice(0, 8);
}

/** Facts as tags: "[orphan, protected]". The reasons are for `show`. */
export function factTags(facts: readonly Fact[], hide: readonly FactKind[] = []): string {
  const kinds = [...new Set(facts.map((f) => f.kind))].filter((k) => !hide.includes(k));
  return kinds.length > 0 ? ` [${kinds.join(', ')}]` : '';
}

/** One tree line: `web-1-snap (411aa884) snapshot 1.2 GiB [in-use]`; `hide` leaves facts out of the tags. */
export function nodeLine(node: LineageNode, hide: readonly FactKind[] = []): string {
  const name = node.name || '(no name)';
  const id = shortId(node.id);
  switch (node.kind) {
    case 'server':
      return `${name} (${id}) server ${node.status ?? ''}${factTags(node.facts, hide)}`.replace(/ +\[/, ' [');
    case 'missing-image':
      return `? image ${referencedId(node.id)} (not in the image list)${factTags(node.facts, hide)}`;
    case 'missing-server':
      return `? server ${referencedId(node.id)} (not in the server list)${factTags(node.facts, hide)}`;
    default: {
      const gap = node.unknownGenerations ? '… ' : '';
      const status = node.status && node.status !== 'active' ? ` ${node.status}` : '';
      return `${gap}${name} (${id}) ${node.kind} ${formatBytes(node.sizeBytes)}${status}${factTags(node.facts, hide)}`;
    }
  }
}

/** The fields of a node that JSON output carries (no raw image/server). */
export function nodeJson(node: LineageNode): Record<string, unknown> {
  return {
    id: node.id,
    name: node.name,
    kind: node.kind,
    status: node.status,
    projectId: node.projectId,
    createdAt: node.createdAt,
    bytes: node.sizeBytes,
    parentId: node.parentId,
    rootId: node.rootId,
    unknownGenerations: node.unknownGenerations,
    facts: node.facts,
  };
}
