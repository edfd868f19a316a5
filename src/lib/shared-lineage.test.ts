import { describe, expect, it } from 'vitest';
import { adminAll, baseImage } from '../lineage/fixtures/builders';
import { sharedLineage } from './shared-lineage';

describe('sharedLineage', () => {
  it('returns the same graph for inputs built from the same arrays, a new one when the data changes', () => {
    const images = [baseImage('a', 'a')];
    const servers: never[] = [];
    const g1 = sharedLineage({ images, servers, deletedServers: [], viewer: adminAll });
    const g2 = sharedLineage({ images, servers, deletedServers: [], viewer: { ...adminAll } });
    expect(g2).toBe(g1);
    const g3 = sharedLineage({ images: [...images, baseImage('b', 'b')], servers, viewer: adminAll });
    expect(g3).not.toBe(g1);
    expect(g3.nodes.size).toBe(2);
    expect(sharedLineage({ images, servers, viewer: { ...adminAll, isAdmin: false } })).not.toBe(g1);
  });
});
