import { describe, expect, it } from 'vitest';
import { parseIds, toRetentionRule } from './cleanup-rule';

describe('cleanup rule', () => {
  it('parses ids separated by spaces, commas and lines, once each', () => {
    expect(parseIds('a, b\nc  a')).toEqual(['a', 'b', 'c']);
    expect(parseIds('  ')).toEqual([]);
  });
  it('maps each choice to one retention criterion', () => {
    const base = { days: 30, keep: 2, ids: 'x y' };
    expect(toRetentionRule({ ...base, kind: 'orphans' }, 5)).toEqual({ orphans: true, now: 5 });
    expect(toRetentionRule({ ...base, kind: 'older' }, 5)).toEqual({ olderThanDays: 30, now: 5 });
    expect(toRetentionRule({ ...base, kind: 'keep' }, 5)).toEqual({ keepPerServer: 2, now: 5 });
    expect(toRetentionRule({ ...base, kind: 'ids' }, 5)).toEqual({ ids: ['x', 'y'], now: 5 });
  });
});
