import { describe, expect, it } from 'vitest';
import { buildLineage } from './build-lineage';
import { familySummaries, layoutTree } from './layout';
import { ancestorsOf, descendantsOf, familyRootOf } from './traverse';
import { adminAll, baseImage, server, snapshot } from './fixtures/builders';
import { lab } from './fixtures/lab-recorded';
import type { GlanceImage, NovaServer } from '../openstack/types';

/** A chain root -> server -> snapshot -> server -> ... with `generations` snapshots. */
function chain(generations: number): { images: GlanceImage[]; servers: NovaServer[] } {
  const images = [baseImage('root', 'root')];
  const servers: NovaServer[] = [];
  let parent = 'root';
  for (let i = 0; i < generations; i++) {
    servers.push(server(`s${i}`, `s${i}`, parent));
    images.push(snapshot(`i${i}`, `i${i}`, `s${i}`, 'root'));
    parent = `i${i}`;
  }
  return { images, servers };
}

describe('layoutTree', () => {
  it('puts leaves on consecutive rows and centres a parent between its first and last child', () => {
    const g = buildLineage({
      images: [baseImage('r', 'r')],
      servers: [
        server('a', 'a', 'r', { created: '1' }),
        server('b', 'b', 'r', { created: '2' }),
        server('c', 'c', 'r', { created: '3' }),
      ],
      viewer: adminAll,
    });
    const l = layoutTree(g, { nodeWidth: 100, nodeHeight: 40, rankGap: 50, siblingGap: 10 });
    expect(l.positions.get('a')).toEqual({ x: 150, y: 0 });
    expect(l.positions.get('b')).toEqual({ x: 150, y: 50 });
    expect(l.positions.get('c')).toEqual({ x: 150, y: 100 });
    expect(l.positions.get('r')).toEqual({ x: 0, y: 50 });
    expect(l.width).toBe(250);
    expect(l.height).toBe(140);
  });

  it('lays out a chain 1,000 generations deep without recursion', () => {
    const g = buildLineage({ ...chain(1000), viewer: adminAll });
    const l = layoutTree(g);
    expect(l.positions.size).toBe(2001);
    expect(ancestorsOf(g, 'i999')).toHaveLength(2000);
    expect(familyRootOf(g, 'i999')).toBe('root');
    expect(descendantsOf(g, 'root')).toHaveLength(2000);
  });

  it('hides the subtree of a collapsed node and keeps the node itself', () => {
    const g = buildLineage({ ...chain(3), viewer: adminAll });
    const l = layoutTree(g, { collapsed: new Set(['i0']) });
    expect([...l.positions.keys()].sort()).toEqual(['i0', 'root', 's0']);
  });

  it('gives every node of the recorded lab a distinct position', () => {
    const g = buildLineage({
      images: lab.adminImages,
      servers: lab.adminServers,
      deletedServers: lab.deletedServers,
      viewer: adminAll,
    });
    const l = layoutTree(g);
    expect(l.positions.size).toBe(g.nodes.size);
    expect(new Set([...l.positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(g.nodes.size);
  });
});

describe('familySummaries', () => {
  it('sums nodes, bytes and reclaimable orphan bytes per root, roots oldest first then by name', () => {
    const g = buildLineage({
      images: [
        baseImage('r', 'debian', { size: 1000 }),
        snapshot('o1', 'orphan', 'gone', 'r', { size: 10 }),
        snapshot('o2', 'protected-orphan', 'gone', 'r', { size: 20, protected: true }),
        baseImage('other', 'cirros', { size: 5 }),
      ],
      servers: [server('s', 'web', 'r')],
      viewer: adminAll,
    });
    expect(familySummaries(g)).toEqual([
      {
        rootId: 'other',
        name: 'cirros',
        nodeCount: 1,
        imageCount: 1,
        serverCount: 0,
        bytes: 5,
        orphanCount: 0,
        reclaimableBytes: 0,
      },
      {
        rootId: 'r',
        name: 'debian',
        nodeCount: 4,
        imageCount: 3,
        serverCount: 1,
        bytes: 1030,
        orphanCount: 2,
        reclaimableBytes: 10,
      },
    ]);
  });
});
