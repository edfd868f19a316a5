/** The cleanup view's rule choice, as the retention rule the lineage engine understands. */
import type { RetentionRule } from '../../lineage';

export type RuleKind = 'orphans' | 'older' | 'keep' | 'ids';

export interface RuleDraft {
  kind: RuleKind;
  days: number;
  keep: number;
  /** Ids, separated by spaces, commas or new lines. */
  ids: string;
}

export function parseIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function toRetentionRule(d: RuleDraft, now: number): RetentionRule {
  switch (d.kind) {
    case 'orphans':
      return { orphans: true, now };
    case 'older':
      return { olderThanDays: Math.max(0, d.days), now };
    case 'keep':
      return { keepPerServer: Math.max(0, Math.floor(d.keep)), now };
    case 'ids':
      return { ids: parseIds(d.ids), now };
  }
}

export function describeRule(d: RuleDraft): string {
  switch (d.kind) {
    case 'orphans':
      return 'orphan snapshots (their server is gone)';
    case 'older':
      return `snapshots older than ${d.days} days`;
    case 'keep':
      return `all but the newest ${d.keep} snapshots of each server`;
    case 'ids':
      return 'the images named';
  }
}
