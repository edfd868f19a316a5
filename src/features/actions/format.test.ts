import { describe, expect, it } from 'vitest';
import { formatBytes, formatRate, plural } from './format';

describe('format', () => {
  it('writes bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MiB');
    expect(formatBytes(null)).toBe('?');
    expect(formatRate(2048)).toBe('2.0 KiB/s');
  });
  it('pluralises counts', () => {
    expect(plural(1, 'image')).toBe('1 image');
    expect(plural(3, 'image')).toBe('3 images');
  });
});
