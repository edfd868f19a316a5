import { describe, expect, it } from 'vitest';
import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first value that satisfies the condition', async () => {
    let n = 0;
    const v = await waitFor(
      () => Promise.resolve(++n),
      (x) => x >= 3,
      { what: 'three', timeoutMs: 1000, intervalMs: 1 },
    );
    expect(v).toBe(3);
  });

  it('times out with what it waited for and the last value seen', async () => {
    await expect(
      waitFor(
        () => Promise.resolve({ status: 'BUILD' }),
        (s) => s.status === 'ACTIVE',
        { what: 'server ACTIVE', timeoutMs: 20, intervalMs: 5 },
      ),
    ).rejects.toThrow(/server ACTIVE.*"status":"BUILD"/);
  });
});
