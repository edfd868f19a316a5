/** `export --format json|csv`: every node with parent, root and facts. */
import { topologicalOrder } from '../../lineage';
import type { Command } from '../args';
import { nodeJson } from '../describe-node';
import { toCsv } from '../format/csv';
import { loadLineage } from '../load';
import { EXIT } from '../errors';
import type { CommandContext } from './context';

type ExportCommand = Extract<Command, { name: 'export' }>;

export const CSV_HEADERS = [
  'id',
  'name',
  'kind',
  'status',
  'project_id',
  'created_at',
  'bytes',
  'parent_id',
  'root_id',
  'unknown_generations',
  'facts',
  'reasons',
] as const;

export async function runExport(cmd: ExportCommand, { cloud, io, now }: CommandContext): Promise<number> {
  const { graph, viewer } = await loadLineage(cloud, cmd.cloud);
  const order = topologicalOrder(graph);
  const nodes = order.flatMap((id) => {
    const n = graph.nodes.get(id);
    return n ? [n] : [];
  });
  if (cmd.format === 'json') {
    const doc = {
      generatedAt: now.toISOString(),
      cloud: cloud.label,
      project: cloud.info.project,
      allProjects: viewer.allProjects,
      nodes: nodes.map(nodeJson),
      problems: graph.problems,
    };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout(
      toCsv(
        CSV_HEADERS,
        nodes.map((n) => [
          n.id,
          n.name,
          n.kind,
          n.status,
          n.projectId,
          n.createdAt,
          n.sizeBytes,
          n.parentId,
          n.rootId,
          n.unknownGenerations,
          n.facts.map((f) => f.kind).join(';'),
          n.facts.map((f) => `${f.kind}: ${f.reason}`).join(' | '),
        ]),
      ),
    );
  }
  return EXIT.ok;
}
