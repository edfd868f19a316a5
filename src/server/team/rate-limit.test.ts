import { describe, expect, it } from 'vitest';
import { FailureRateLimit } from './rate-limit';

describe('FailureRateLimit', () => {
  it('blocks a key at the max-th failure until the oldest one leaves the window', () => {
    let now = 1_000_000;
    const rl = new FailureRateLimit({ max: 3, windowMs: 60_000, now: () => now });
    rl.recordFailure(['a']);
    now += 10_000;
    rl.recordFailure(['a']);
    expect(rl.retryAfterMs(['a'])).toBe(0);
    now += 10_000;
    rl.recordFailure(['a']);
    expect(rl.retryAfterMs(['a'])).toBe(40_000);
    expect(rl.retryAfterMs(['b'])).toBe(0);
    expect(rl.retryAfterMs(['b', 'a'])).toBe(40_000);
    now += 40_000;
    expect(rl.retryAfterMs(['a'])).toBe(0);
  });
});
