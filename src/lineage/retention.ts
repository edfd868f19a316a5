/**
 * Retention selection: which images a rule would delete. Criteria are AND-ed; a rule with no criterion
 * selects nothing. Never selects what deleteRefusals forbids (protected, shelved, in use, unknown,
 * transitional, another project's image unless an admin chose all projects).
 *
 * Decision: only Nova-made instance snapshots (kinds `snapshot` and `backup`) are candidates by default.
 * Base images, golden/converted images and volume-backed snapshots are selected only when their id is named
 * explicitly in `rule.ids` (and the other criteria still hold): a retention rule must not sweep up the
 * images everything else is built from.
 */
import type { LineageGraph, LineageNode, Viewer } from './types';
import { deleteRefusals } from './safety';
import { hasFact } from './facts';
import { isImageKind, label, stringProperty } from './classify';

export interface RetentionRule {
  /** Only snapshots whose server certainly no longer exists. */
  orphans?: boolean;
  /** Only images created more than this many days before `now`. */
  olderThanDays?: number;
  /** Keep the N newest snapshots of every server; the older ones are candidates. */
  keepPerServer?: number;
  /** Epoch milliseconds. */
  now: number;
  /** Only these images (also the way to include non-snapshot images). */
  ids?: string[];
}

export interface RetentionItem {
  id: string;
  name: string;
  reason: string;
}

export interface RetentionSelection {
  selected: (RetentionItem & { bytes: number })[];
  excluded: RetentionItem[];
  bytes: number;
}

const DAY_MS = 86_400_000;

function isDefaultCandidate(node: LineageNode): boolean {
  return node.kind === 'snapshot' || node.kind === 'backup';
}

/** Per server, the ids of its `keep` newest snapshots (shelve images are not counted). */
function newestPerServer(graph: LineageGraph, keep: number): Map<string, { server: string; rank: number }> {
  const groups = new Map<string, LineageNode[]>();
  for (const node of graph.nodes.values()) {
    if (!node.image || !isDefaultCandidate(node) || hasFact(node, 'shelved')) continue;
    const instance = stringProperty(node.image, 'instance_uuid');
    if (instance === undefined) continue;
    const list = groups.get(instance);
    if (list) list.push(node);
    else groups.set(instance, [node]);
  }
  const kept = new Map<string, { server: string; rank: number }>();
  for (const [server, list] of groups) {
    list.sort((a, b) => {
      const ca = a.createdAt ?? '';
      const cb = b.createdAt ?? '';
      if (ca !== cb) return ca > cb ? -1 : 1;
      return a.id < b.id ? -1 : 1;
    });
    list.slice(0, keep).forEach((n, i) => kept.set(n.id, { server, rank: i + 1 }));
  }
  return kept;
}

export function selectForRetention(
  graph: LineageGraph,
  rule: RetentionRule,
  viewer: Viewer,
): RetentionSelection {
  const selected: RetentionSelection['selected'] = [];
  const excluded: RetentionItem[] = [];
  const hasCriterion =
    rule.orphans === true ||
    rule.olderThanDays !== undefined ||
    rule.keepPerServer !== undefined ||
    rule.ids !== undefined;
  if (!hasCriterion) return { selected, excluded, bytes: 0 };

  const only = rule.ids ? new Set(rule.ids) : null;
  const kept =
    rule.keepPerServer !== undefined ? newestPerServer(graph, Math.max(0, rule.keepPerServer)) : null;
  const cutoff = rule.olderThanDays !== undefined ? rule.now - rule.olderThanDays * DAY_MS : null;
  let bytes = 0;

  if (only) {
    for (const id of only)
      if (!graph.nodes.has(id)) excluded.push({ id, name: '', reason: 'not in the lineage graph' });
  }

  for (const node of graph.nodes.values()) {
    if (only && !only.has(node.id)) continue;
    const exclude = (reason: string): void => {
      excluded.push({ id: node.id, name: node.name, reason });
    };
    if (!isImageKind(node.kind)) {
      if (only) exclude(`not an image (${node.kind})`);
      continue;
    }
    const why: string[] = [];
    if (!isDefaultCandidate(node) && !only) {
      exclude(`${node.kind}: retention selects it only when named explicitly`);
      continue;
    }
    if (rule.orphans === true) {
      const orphan = node.facts.find((f) => f.kind === 'orphan');
      if (!orphan) {
        exclude('not an orphan');
        continue;
      }
      why.push(`orphan: ${orphan.reason}`);
    }
    if (cutoff !== null) {
      const created = node.createdAt ? Date.parse(node.createdAt) : NaN;
      if (Number.isNaN(created)) {
        exclude('creation time unknown');
        continue;
      }
      if (created >= cutoff) {
        exclude(`created ${node.createdAt ?? ''}, not older than ${rule.olderThanDays ?? 0} days`);
        continue;
      }
      why.push(`created ${node.createdAt ?? ''}, older than ${rule.olderThanDays ?? 0} days`);
    }
    if (kept) {
      const instance = node.image ? stringProperty(node.image, 'instance_uuid') : undefined;
      if (instance === undefined || !isDefaultCandidate(node)) {
        exclude('not a snapshot of a server');
        continue;
      }
      const keep = kept.get(node.id);
      const serverName = graph.nodes.get(instance)?.name;
      if (keep) {
        exclude(`kept: newest #${keep.rank} of server ${label(serverName, instance)}`);
        continue;
      }
      why.push(
        `more than ${rule.keepPerServer ?? 0} newer snapshots of server ${label(serverName, instance)}`,
      );
    }
    const refusals = deleteRefusals(node, viewer);
    if (refusals.length > 0) {
      exclude(refusals.join('; '));
      continue;
    }
    if (only) why.push('named explicitly');
    const size = node.sizeBytes ?? 0;
    bytes += size;
    selected.push({ id: node.id, name: node.name, reason: why.join('; '), bytes: size });
  }
  return { selected, excluded, bytes };
}
