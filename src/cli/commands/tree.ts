/** `tree [IMAGE]`: the lineage forest, or one image's subtree below its ancestors. */
import { ancestorsOf } from '../../lineage';
import type { LineageGraph } from '../../lineage';
import type { Command } from '../args';
import { nodeJson, nodeLine } from '../describe-node';
import { drawTree } from '../format/tree';
import { loadLineage } from '../load';
import { resolveNode } from '../resolve';
import { EXIT } from '../errors';
import type { CommandContext } from './context';

type TreeCommand = Extract<Command, { name: 'tree' }>;

interface JsonTree {
  [key: string]: unknown;
  children: JsonTree[];
}

function jsonForest(
  graph: LineageGraph,
  roots: readonly string[],
  children: (id: string) => readonly string[],
): JsonTree[] {
  const seen = new Set<string>();
  const build = (id: string): JsonTree | null => {
    const node = graph.nodes.get(id);
    if (!node || seen.has(id)) return null;
    seen.add(id);
    return { ...nodeJson(node), children: children(id).flatMap((k) => build(k) ?? []) };
  };
  return roots.flatMap((r) => build(r) ?? []);
}

export async function runTree(cmd: TreeCommand, { cloud, io }: CommandContext): Promise<number> {
  const { graph, viewer } = await loadLineage(cloud, cmd.cloud);
  // Having asked for every project, "owned by another project" on most lines is noise; `show` still says it.
  const hide = viewer.allProjects ? (['foreign'] as const) : [];
  let roots: readonly string[] = graph.roots;
  let children = (id: string): readonly string[] => graph.children.get(id) ?? [];
  if (cmd.image !== null) {
    const target = resolveNode(graph, cmd.image);
    const path = [...ancestorsOf(graph, target.id)].reverse();
    const onPath = new Map(path.map((id, i) => [id, path[i + 1] ?? target.id]));
    roots = [path[0] ?? target.id];
    const full = children;
    children = (id) => {
      const next = onPath.get(id);
      return next !== undefined ? [next] : full(id);
    };
  }
  if (cmd.json) {
    io.stdout(`${JSON.stringify(jsonForest(graph, roots, children), null, 2)}\n`);
  } else {
    const lines = drawTree({
      roots,
      children,
      label: (id) => {
        const n = graph.nodes.get(id);
        return n ? nodeLine(n, hide) : id;
      },
    });
    io.stdout(lines.length > 0 ? `${lines.join('\n')}\n` : 'No images or servers.\n');
  }
  for (const p of graph.problems) io.stderr(`glance-lineage: warning: ${p.message}\n`);
  return EXIT.ok;
}
