import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectPages, getLoadProgress, PARTIAL_EVERY_MS } from './load-progress';

async function* pagesOf(pages: number[][], beforeEach?: () => void): AsyncGenerator<number[]> {
  for (const p of pages) {
    beforeEach?.();
    await Promise.resolve();
    yield p;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('collectPages', () => {
  it('returns every item in page order and reports the running count', async () => {
    const counts: (number | undefined)[] = [];
    const all = await collectPages(
      'images',
      pagesOf([[1, 2], [3], [4, 5, 6]], () => counts.push(getLoadProgress().images)),
    );
    expect(all).toEqual([1, 2, 3, 4, 5, 6]);
    expect(counts).toEqual([0, 2, 3]);
    expect(getLoadProgress().images).toBe(6);
  });

  it('hands on copies at most every PARTIAL_EVERY_MS: what was handed on stays as it was', async () => {
    vi.useFakeTimers();
    const handed: number[][] = [];
    const advance = (): void => {
      vi.advanceTimersByTime(PARTIAL_EVERY_MS);
    };
    const all = await collectPages('servers', pagesOf([[1], [2], [3]], advance), (so) => handed.push(so));
    expect(handed).toEqual([[1], [1, 2], [1, 2, 3]]);
    // Each hand-on is its own array, none of them the list returned.
    expect(new Set([...handed, all]).size).toBe(4);
    expect(all).toEqual([1, 2, 3]);
  });

  it('does not hand on more often than PARTIAL_EVERY_MS', async () => {
    vi.useFakeTimers();
    const handed: number[][] = [];
    await collectPages('deletedServers', pagesOf([[1], [2], [3]]), (so) => handed.push(so));
    expect(handed).toEqual([[1]]);
  });
});
