import { describe, expect, it } from 'vitest';
import { formatCount } from './format-count';

describe('formatCount', () => {
  it('writes counts as toLocaleString("en") does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 50_000, 999_999, 1_000_000, 1_234_567_890, -4200, 0.5])
      expect(formatCount(n)).toBe(n.toLocaleString('en'));
  });
});
