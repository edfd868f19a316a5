/** `show IMAGE`: ancestors, facts with reasons, what was built from it, properties grouped by origin. */
import { ancestorsOf, descendantsOf, propertyOrigins } from '../../lineage';
import type { PropertyOrigin, PropertyWithOrigin } from '../../lineage';
import type { Command } from '../args';
import { nodeJson, nodeLine, shortId } from '../describe-node';
import { formatBytes } from '../format/bytes';
import { formatTable } from '../format/table';
import { loadLineage } from '../load';
import { resolveNode } from '../resolve';
import { EXIT } from '../errors';
import type { CommandContext } from './context';

type ShowCommand = Extract<Command, { name: 'show' }>;

const ORIGIN_TITLES: Record<PropertyOrigin, string> = {
  glance: 'Glance (core fields and what Glance writes)',
  nova: 'Nova (written when the snapshot was taken)',
  inherited: 'Inherited (same value as on the root image)',
  user: 'Set on this image',
  app: 'glance-lineage provenance',
};
const ORIGIN_ORDER: readonly PropertyOrigin[] = ['user', 'inherited', 'nova', 'app', 'glance'];

function valueText(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/\s*\n\s*/g, ' ');
}

export async function runShow(cmd: ShowCommand, { cloud, io }: CommandContext): Promise<number> {
  const { graph } = await loadLineage(cloud, cmd.cloud);
  const node = resolveNode(graph, cmd.image);
  const ancestors = ancestorsOf(graph, node.id);
  const below = descendantsOf(graph, node.id);
  const children = graph.children.get(node.id) ?? [];
  const base =
    node.rootId !== null && node.rootId !== node.id ? graph.nodes.get(node.rootId)?.image : undefined;
  const properties: PropertyWithOrigin[] = node.image ? propertyOrigins(node.image, base) : [];

  if (cmd.json) {
    const brief = (id: string): Record<string, unknown> => {
      const n = graph.nodes.get(id);
      return { id, name: n?.name ?? '', kind: n?.kind ?? 'unknown' };
    };
    const out = {
      ...nodeJson(node),
      ancestors: ancestors.map(brief),
      children: children.map(brief),
      descendants: below.length,
      properties,
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }

  const lines: string[] = [];
  lines.push(`${node.name || '(no name)'}  ${node.id}`);
  const fields: [string, string][] = [
    ['kind', node.kind],
    ['status', node.status ?? '?'],
    ['project', node.projectId ?? '?'],
    ['created', node.createdAt ?? '?'],
  ];
  if (node.image)
    fields.push([
      'size',
      node.sizeBytes === null ? '?' : `${formatBytes(node.sizeBytes)} (${node.sizeBytes} bytes)`,
    ]);
  for (const [k, v] of fields) lines.push(`  ${k.padEnd(8)} ${v}`);

  lines.push('', 'Lineage (root first):');
  if (ancestors.length === 0) lines.push('  (a root: nothing above it)');
  const chain = [...ancestors].reverse();
  chain.forEach((id, i) => {
    const n = graph.nodes.get(id);
    lines.push(`  ${'  '.repeat(i)}${n ? nodeLine(n) : id}`);
  });
  if (ancestors.length > 0) lines.push(`  ${'  '.repeat(chain.length)}${nodeLine(node)}  ← this one`);
  if (node.unknownGenerations)
    lines.push('  (its server is gone: the generations between it and its root are unknown)');

  lines.push('', 'Facts:');
  if (node.facts.length === 0) lines.push('  none (no problems found)');
  for (const f of node.facts) lines.push(`  ${f.kind.padEnd(14)} ${f.reason}`);

  lines.push('', `Built from it: ${children.length} direct, ${below.length} in all`);
  for (const id of children.slice(0, 20)) {
    const n = graph.nodes.get(id);
    lines.push(`  ${n ? nodeLine(n) : shortId(id)}`);
  }
  if (children.length > 20) lines.push(`  ... and ${children.length - 20} more`);

  if (node.image) {
    for (const origin of ORIGIN_ORDER) {
      const group = properties.filter((p) => p.origin === origin);
      if (group.length === 0) continue;
      lines.push('', `${ORIGIN_TITLES[origin]}:`);
      const table = formatTable(
        [{ header: 'KEY' }, { header: 'VALUE' }],
        group.map((p) => [p.key, valueText(p.value)]),
      );
      // Drop the header row: the section title says what the columns are.
      lines.push(
        ...table
          .trimEnd()
          .split('\n')
          .slice(1)
          .map((l) => `  ${l}`),
      );
    }
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
