/**
 * `orphans`: snapshots whose server certainly no longer exists. Shelve images, images servers boot from
 * (directly or through descendants) and snapshots whose server cannot be checked ("unknown") are not orphans.
 */
import { deleteRefusals, factOf, hasFact, isImageKind } from '../../lineage';
import type { LineageGraph, LineageNode, Viewer } from '../../lineage';
import type { Command } from '../args';
import { shortId } from '../describe-node';
import { formatBytes } from '../format/bytes';
import { formatTable } from '../format/table';
import { loadLineage } from '../load';
import { EXIT } from '../errors';
import type { CommandContext } from './context';

type OrphansCommand = Extract<Command, { name: 'orphans' }>;

export interface OrphanItem {
  id: string;
  name: string;
  reason: string;
  bytes: number | null;
  projectId: string | null;
  createdAt: string | null;
  /** Why `clean --orphans` would still leave it (protected, another project's, ...); empty when it would delete it. */
  refusals: string[];
}

export function findOrphans(graph: LineageGraph, viewer: Viewer): OrphanItem[] {
  const out: OrphanItem[] = [];
  const isOrphan = (n: LineageNode): boolean =>
    isImageKind(n.kind) &&
    hasFact(n, 'orphan') &&
    !hasFact(n, 'in-use') &&
    !hasFact(n, 'shelved') &&
    !hasFact(n, 'unknown');
  for (const node of graph.nodes.values()) {
    if (!isOrphan(node)) continue;
    out.push({
      id: node.id,
      name: node.name,
      reason: factOf(node, 'orphan')?.reason ?? '',
      bytes: node.sizeBytes,
      projectId: node.projectId,
      createdAt: node.createdAt,
      refusals: deleteRefusals(node, viewer),
    });
  }
  return out.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id));
}

export async function runOrphans(cmd: OrphansCommand, { cloud, io }: CommandContext): Promise<number> {
  const { graph, viewer } = await loadLineage(cloud, cmd.cloud);
  const orphans = findOrphans(graph, viewer);
  if (cmd.json) {
    io.stdout(`${JSON.stringify(orphans, null, 2)}\n`);
    return EXIT.ok;
  }
  if (orphans.length === 0) {
    io.stdout('No orphaned snapshots.\n');
  } else {
    io.stdout(
      formatTable(
        [
          { header: 'NAME' },
          { header: 'ID' },
          { header: 'SIZE', right: true },
          { header: 'CREATED' },
          { header: 'REASON' },
        ],
        orphans.map((o) => [
          o.name || '(no name)',
          shortId(o.id),
          formatBytes(o.bytes),
          o.createdAt ?? '?',
          o.refusals.length > 0 ? `${o.reason}; kept: ${o.refusals.join('; ')}` : o.reason,
        ]),
      ),
    );
    const total = orphans.reduce((s, o) => s + (o.bytes ?? 0), 0);
    io.stdout(
      `\n${orphans.length} orphaned snapshot${orphans.length === 1 ? '' : 's'}, ${formatBytes(total)}.\n`,
    );
  }
  const unknown = [...graph.nodes.values()].filter((n) => isImageKind(n.kind) && hasFact(n, 'unknown'));
  if (unknown.length > 0 && !cmd.json) {
    io.stdout(`Not decided (${unknown.length}), so not listed:\n`);
    for (const n of unknown.slice(0, 10))
      io.stdout(`  ${n.name || '(no name)'} (${shortId(n.id)}): ${factOf(n, 'unknown')?.reason ?? ''}\n`);
    if (unknown.length > 10) io.stdout(`  ... and ${unknown.length - 10} more\n`);
  }
  return EXIT.ok;
}
