/** Finds the node a user named on the command line: an id, a unique name, or a unique id prefix. */
import { isImageKind } from '../lineage';
import type { LineageGraph, LineageNode } from '../lineage';
import { CliError } from './errors';

export function resolveNode(graph: LineageGraph, ref: string): LineageNode {
  const exact = graph.nodes.get(ref);
  if (exact) return exact;
  const nodes = [...graph.nodes.values()].filter(
    (n) => n.kind !== 'missing-image' && n.kind !== 'missing-server',
  );
  const byName = nodes.filter((n) => n.name === ref);
  const images = byName.filter((n) => isImageKind(n.kind));
  const named = images.length > 0 ? images : byName;
  if (named.length === 1 && named[0]) return named[0];
  if (named.length > 1)
    throw new CliError(
      `${named.length} ${images.length > 0 ? 'images' : 'nodes'} are named "${ref}": ${named.map((n) => n.id).join(', ')}; give an id`,
    );
  if (ref.length >= 4) {
    const prefixed = nodes.filter((n) => n.id.startsWith(ref));
    if (prefixed.length === 1 && prefixed[0]) return prefixed[0];
    if (prefixed.length > 1)
      throw new CliError(
        `"${ref}" is the start of ${prefixed.length} ids: ${prefixed.map((n) => n.id).join(', ')}`,
      );
  }
  throw new CliError(`no image or server "${ref}" in this cloud (looked at ids and names)`);
}
