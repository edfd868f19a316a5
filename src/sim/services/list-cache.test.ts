import { describe, expect, it } from 'vitest';
import { ListCache } from './list-cache';

describe('ListCache', () => {
  it('keeps orders and texts for one model version, per key and variant, and drops them when it changes', () => {
    const a = { id: 'a', n: 1 };
    const b = { id: 'b', n: 2 };
    const cache = new ListCache<typeof a>();
    let sorts = 0;
    const order = () => {
      sorts++;
      return [b, a];
    };
    expect(cache.at(1).order('n:desc', order)).toEqual([b, a]);
    expect(cache.at(1).order('n:desc', order)).toEqual([b, a]);
    expect(sorts).toBe(1);
    cache.at(1).order('n:asc', order);
    expect(sorts).toBe(2);

    expect(cache.at(1).text('', a, (x) => ({ id: x.id }))).toBe('{"id":"a"}');
    expect(cache.at(1).text('admin', a, (x) => ({ id: x.id, n: x.n }))).toBe('{"id":"a","n":1}');
    a.n = 5; // the model changes only under a new version
    expect(cache.at(1).text('admin', a, (x) => ({ id: x.id, n: x.n }))).toBe('{"id":"a","n":1}');
    expect(cache.at(2).text('admin', a, (x) => ({ id: x.id, n: x.n }))).toBe('{"id":"a","n":5}');
    cache.at(2).order('n:desc', order);
    expect(sorts).toBe(3);
  });
});
