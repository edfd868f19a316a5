import { describe, expect, it } from 'vitest';
import { DEFAULT_MANUAL_START, manualClock, realClock } from './clock';
import { createRng } from './prng';

describe('clock and prng', () => {
  it('manual clock starts where told and moves only when advanced', () => {
    const c = manualClock();
    expect(c.now()).toBe(DEFAULT_MANUAL_START);
    c.advance(1500);
    expect(c.now()).toBe(DEFAULT_MANUAL_START + 1500);
    c.set(5);
    expect(c.now()).toBe(5);
  });

  it('real clock follows Date.now', () => {
    const before = Date.now();
    const now = realClock().now();
    expect(now).toBeGreaterThanOrEqual(before);
  });

  it('prng is deterministic and yields UUID-shaped ids', () => {
    const a = createRng(3);
    const b = createRng(3);
    expect([a.next(), a.uuid()]).toEqual([b.next(), b.uuid()]);
    expect(createRng(1).uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
