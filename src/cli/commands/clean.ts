/**
 * `clean`: a retention plan (dry run), or with --yes the deletes, bounded and reported per item.
 * The plan comes from the lineage engine (selectForRetention), which never selects protected, shelved,
 * in-use, unknown or transitional images, nor other projects' images unless an admin chose all projects.
 */
import { selectForRetention, hasFact } from '../../lineage';
import type { RetentionRule, RetentionSelection } from '../../lineage';
import { runBulkDelete } from '../../openstack/bulk-delete';
import type { BulkItemResult, BulkOutcome } from '../../openstack/bulk-delete';
import type { CleanRule, Command } from '../args';
import { shortId } from '../describe-node';
import { formatBytes } from '../format/bytes';
import { formatTable } from '../format/table';
import { loadLineage, loadServers } from '../load';
import { makeRecheck } from '../recheck';
import { EXIT } from '../errors';
import type { CommandContext } from './context';

type CleanCommand = Extract<Command, { name: 'clean' }>;

/** One line of `clean --json`: a planned item, or the result of its delete. */
export interface CleanJsonItem {
  id: string;
  name: string;
  reason: string;
  bytes: number;
  outcome: 'planned' | BulkOutcome;
  status?: number;
  requestId?: string | null;
  ms?: number;
}

const REFUSAL = /^(protected|shelved|in-use|unknown|transitional|foreign): /;

export function retentionRuleOf(rule: CleanRule, now: Date): RetentionRule {
  return {
    now: now.getTime(),
    ...(rule.orphans ? { orphans: true } : {}),
    ...(rule.olderThanDays !== null ? { olderThanDays: rule.olderThanDays } : {}),
    ...(rule.keepPerServer !== null ? { keepPerServer: rule.keepPerServer } : {}),
  };
}

export function describeRule(rule: CleanRule): string {
  const parts: string[] = [];
  if (rule.orphans) parts.push('orphaned snapshots');
  if (rule.olderThanDays !== null) parts.push(`created more than ${rule.olderThanDays} days ago`);
  if (rule.keepPerServer !== null)
    parts.push(`beyond the ${rule.keepPerServer} newest snapshots of each server`);
  return parts.join(', and ');
}

function planText(selection: RetentionSelection, rule: CleanRule): string {
  const out: string[] = [`Rule: ${describeRule(rule)}.`, ''];
  const { selected, excluded } = selection;
  if (selected.length === 0) out.push('Nothing matches: no image would be deleted.');
  else {
    out.push(
      `Would delete ${selected.length} image${selected.length === 1 ? '' : 's'}, ${formatBytes(selection.bytes)}:`,
    );
    out.push(
      formatTable(
        [{ header: 'NAME' }, { header: 'ID' }, { header: 'SIZE', right: true }, { header: 'REASON' }],
        selected.map((s) => [s.name || '(no name)', shortId(s.id), formatBytes(s.bytes), s.reason]),
      ).trimEnd(),
    );
  }
  const refused = excluded.filter((e) => REFUSAL.test(e.reason));
  if (refused.length > 0) {
    out.push('', `Left out because deleting them is unsafe (${refused.length}):`);
    out.push(
      formatTable(
        [{ header: 'NAME' }, { header: 'ID' }, { header: 'WHY' }],
        refused.map((e) => [e.name || '(no name)', shortId(e.id), e.reason]),
      ).trimEnd(),
    );
  }
  const kept = excluded.filter((e) => e.reason.startsWith('kept: ')).length;
  if (kept > 0) out.push('', `Kept as the newest of their server: ${kept}.`);
  const other = excluded.length - refused.length - kept;
  if (other > 0) out.push('', `${other} other image${other === 1 ? ' does' : 's do'} not match the rule.`);
  return `${out.join('\n')}\n`;
}

function resultLine(r: BulkItemResult): string {
  const extra = [
    r.status !== undefined ? `HTTP ${r.status}` : '',
    r.requestId ? `request ${r.requestId}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${r.outcome.padEnd(12)} ${r.name || '(no name)'} (${shortId(r.id)}): ${r.reason}${extra ? ` [${extra}]` : ''}\n`;
}

export async function runClean(cmd: CleanCommand, { cloud, io, now }: CommandContext): Promise<number> {
  const { graph, viewer } = await loadLineage(cloud, cmd.cloud);
  const selection = selectForRetention(graph, retentionRuleOf(cmd.rule, now), viewer);
  const bytesOf = new Map(selection.selected.map((s) => [s.id, s.bytes]));

  if (!cmd.yes) {
    if (cmd.json) {
      const items: CleanJsonItem[] = selection.selected.map((s) => ({ ...s, outcome: 'planned' }));
      io.stdout(`${JSON.stringify(items, null, 2)}\n`);
    } else {
      io.stdout(`Dry run on ${cloud.label}: nothing is deleted. Add --yes to delete.\n`);
      io.stdout(planText(selection, cmd.rule));
      if (selection.selected.length > 0)
        io.stdout(`\nReclaimable: ${formatBytes(selection.bytes)} (${selection.bytes} bytes).\n`);
    }
    return EXIT.ok;
  }

  if (!cmd.json) io.stdout(`Cleaning ${cloud.label}.\n${planText(selection, cmd.rule)}`);
  if (selection.selected.length === 0) {
    if (cmd.json) io.stdout('[]\n');
    return EXIT.ok;
  }

  // Re-read the servers right before deleting: something may boot from an image since the plan was made.
  const { servers } = await loadServers(cloud, viewer);
  const recheck = makeRecheck(
    selection.selected.map((s) => {
      const node = graph.nodes.get(s.id);
      return { id: s.id, projectId: node?.projectId ?? null, orphan: node ? hasFact(node, 'orphan') : false };
    }),
    servers,
  );
  if (!cmd.json) io.stdout(`\nDeleting ${selection.selected.length} images, ${cmd.concurrency} at a time:\n`);
  const results = await runBulkDelete(cloud.images, selection.selected, {
    concurrency: cmd.concurrency,
    recheck,
    ...(io.signal ? { signal: io.signal } : {}),
    onItem: (r) => {
      if (!cmd.json) io.stdout(resultLine(r));
    },
  });

  const count = (o: BulkOutcome): number => results.filter((r) => r.outcome === o).length;
  const freed = results
    .filter((r) => r.outcome === 'deleted')
    .reduce((s, r) => s + (bytesOf.get(r.id) ?? 0), 0);
  if (cmd.json) {
    const items: CleanJsonItem[] = results.map((r) => ({ ...r, bytes: bytesOf.get(r.id) ?? 0 }));
    io.stdout(`${JSON.stringify(items, null, 2)}\n`);
  } else {
    io.stdout(
      `\nDeleted ${count('deleted')}, already gone ${count('already-gone')}, skipped ${count('skipped')}, failed ${count('failed')}, cancelled ${count('cancelled')}; freed ${formatBytes(freed)}.\n`,
    );
  }
  const bad = count('failed') + count('cancelled');
  if (bad > 0)
    io.stderr(`glance-lineage: ${bad} of ${results.length} deletes did not complete (see above)\n`);
  return bad > 0 ? EXIT.partial : EXIT.ok;
}
