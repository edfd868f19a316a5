import { describe, expect, it } from 'vitest';
import { compareText } from './compare-text';

describe('compareText', () => {
  it('orders names case-insensitively, then by case, and keeps equal names equal', () => {
    const names = ['beta', 'Alpha', 'alpha', 'gamma', 'Beta', 'alpha2'];
    expect([...names].sort(compareText)).toEqual(['Alpha', 'alpha', 'alpha2', 'Beta', 'beta', 'gamma']);
    expect(compareText('same', 'same')).toBe(0);
  });

  it('orders ids and digits by their characters', () => {
    expect(['b-2', 'a-10', 'a-1'].sort(compareText)).toEqual(['a-1', 'a-10', 'b-2']);
  });
});
