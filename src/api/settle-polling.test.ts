import { describe, expect, it } from 'vitest';
import type { GlanceImage, NovaServer } from '../openstack/types';
import type { Listing } from './listing';
import {
  imageSettling,
  isImageSettling,
  isServerSettling,
  movingItems,
  serverSettling,
  SETTLE_POLL_MS,
  settleInterval,
} from './settle-polling';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const image = (status: string, updatedAgoMs = 0) =>
  ({ id: `i-${status}`, status, updated_at: iso(NOW - updatedAgoMs) }) as GlanceImage;
const server = (status: string, task: string | null = null, updatedAgoMs = 0) =>
  ({
    id: `s-${status}`,
    status,
    'OS-EXT-STS:task_state': task,
    updated: iso(NOW - updatedAgoMs),
  }) as NovaServer;
const listing = <T>(items: T[], complete = true): Listing<T> => ({
  items,
  complete,
  cursor: null,
  fullAt: 0,
  deltas: 0,
});

describe('polling while something is on its way', () => {
  it('polls while an image is queued or saving, and stops once all are active', () => {
    expect(settleInterval(listing([image('active'), image('saving')]), imageSettling, NOW)).toBe(
      SETTLE_POLL_MS,
    );
    expect(settleInterval(listing([image('active'), image('queued')]), imageSettling, NOW)).toBe(
      SETTLE_POLL_MS,
    );
    expect(settleInterval(listing([image('active'), image('deactivated')]), imageSettling, NOW)).toBe(false);
  });

  it('polls while a server builds or takes a snapshot, not while it merely runs or is shelved', () => {
    expect(settleInterval(listing([server('BUILD')]), serverSettling, NOW)).toBe(SETTLE_POLL_MS);
    expect(settleInterval(listing([server('ACTIVE', 'image_snapshot')]), serverSettling, NOW)).toBe(
      SETTLE_POLL_MS,
    );
    expect(
      settleInterval(
        listing([server('ACTIVE'), server('SHELVED_OFFLOADED'), server('ERROR')]),
        serverSettling,
        NOW,
      ),
    ).toBe(false);
  });

  it('lets a long-stuck item alone not keep the polling on (an image queued for days)', () => {
    expect(isImageSettling(image('queued', 3 * 24 * 60 * MINUTE), NOW)).toBe(false);
    expect(isImageSettling(image('queued', 5 * MINUTE), NOW)).toBe(true);
    expect(isServerSettling(server('BUILD', 'spawning', 2 * 60 * MINUTE), NOW)).toBe(false);
  });

  it('does not poll during the first load (its pages are still arriving)', () => {
    expect(settleInterval(listing([image('saving')], false), imageSettling, NOW)).toBe(false);
    expect(settleInterval(undefined, imageSettling, NOW)).toBe(false);
  });

  it('goes over the items of a listing once, however often the poll interval is asked', () => {
    let looked = 0;
    const counting = {
      ...imageSettling,
      moving: (i: GlanceImage) => {
        looked++;
        return imageSettling.moving(i);
      },
      found: new WeakMap<readonly GlanceImage[], readonly GlanceImage[]>(),
    };
    const l = listing([image('active'), image('saving', 5 * MINUTE), image('queued', 3 * 24 * 60 * MINUTE)]);
    expect(settleInterval(l, counting, NOW)).toBe(SETTLE_POLL_MS);
    expect(settleInterval(l, counting, NOW + 2 * 60 * MINUTE)).toBe(false);
    expect(looked).toBe(3);
    expect(movingItems(l.items, counting).map((i) => i.status)).toEqual(['saving', 'queued']);
    // A new listing (a refresh) is gone over again.
    expect(settleInterval(listing([image('active')]), counting, NOW)).toBe(false);
    expect(looked).toBe(4);
  });
});
