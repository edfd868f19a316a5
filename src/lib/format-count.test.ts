import { describe, expect, it } from 'vitest';
import { formatCount, loadingMessage } from './format-count';

describe('formatCount', () => {
  it('writes counts as toLocaleString("en") does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 50_000, 999_999, 1_000_000, 1_234_567_890, -4200, 0.5])
      expect(formatCount(n)).toBe(n.toLocaleString('en'));
  });
});

describe('loadingMessage', () => {
  it('names the counts that have started, in order, and nothing before any has', () => {
    expect(loadingMessage({})).toBe('Loading images and servers…');
    expect(loadingMessage({ images: 3000, servers: 400 })).toBe(
      'Loading images and servers… 3,000 images, 400 servers so far',
    );
    expect(loadingMessage({ images: 0, servers: 12, deletedServers: 1 })).toBe(
      'Loading images and servers… 0 images, 12 servers, 1 deleted servers so far',
    );
  });
});
