import { describe, expect, it } from 'vitest';
import { belongsToRun, isRunPrefix, makeRunPrefix } from './run-prefix';

describe('run prefix', () => {
  it('names the tool, the UTC start minute and a random part', () => {
    const p = makeRunPrefix(new Date('2026-11-29T03:10:59Z'), () => 0.25);
    expect(p).toBe('gl-ct-20261129t0310-4000-');
    expect(isRunPrefix(p)).toBe(true);
  });

  it('differs between runs started in the same minute', () => {
    const t = new Date('2026-11-29T03:10:00Z');
    expect(makeRunPrefix(t, () => 0.1)).not.toBe(makeRunPrefix(t, () => 0.2));
  });

  it('rejects strings that are not run prefixes, so cleanup never matches everything', () => {
    expect(isRunPrefix('')).toBe(false);
    expect(isRunPrefix('gl-')).toBe(false);
    expect(isRunPrefix('gl-ct-20261129t0310-4000')).toBe(false);
  });

  it("matches this run's resources, including a shelve image, and nothing else", () => {
    const p = 'gl-ct-20261129t0310-4000-';
    expect(belongsToRun(`${p}chain-1-shelved`, p)).toBe(true);
    expect(belongsToRun('gl-ct-20261129t0310-4001-chain-1', p)).toBe(false);
    expect(belongsToRun(null, p)).toBe(false);
  });
});
