import { describe, expect, it } from 'vitest';
import { buildLineage } from './build-lineage';
import { deletionImpact } from './impact';
import { adminAll, adminOwn, baseImage, server, snapshot } from './fixtures/builders';

const ROOT = 'root-image';
const images = [
  baseImage(ROOT, 'debian-12-lab'),
  snapshot('orph', 'tmp-1-snap', 'gone', ROOT),
  snapshot('gold', 'web-1-snap', 'w1', ROOT, { protected: true }),
  snapshot('used', 'web-2-snap', 'w2', ROOT),
  snapshot('shelf', 'batch-1-shelved', 'b1', ROOT),
];
const servers = [
  server('w1', 'web-1', ROOT),
  server('w2', 'web-2', 'gold'),
  server('w3', 'web-3', 'used'),
  server('b1', 'batch-1', ROOT, { status: 'SHELVED' }),
];

describe('deletionImpact', () => {
  const graph = buildLineage({ images, servers, viewer: adminAll });

  it('lets an orphan go and counts its bytes', () => {
    const impact = deletionImpact(graph, ['orph'], adminAll);
    expect(impact.deletable).toEqual([{ id: 'orph', reason: 'orphan: its server gone no longer exists' }]);
    expect(impact.refused).toEqual([]);
    expect(impact.breaks).toEqual([]);
    expect(impact.bytes).toBe(196616);
  });

  it('refuses protected, in-use, shelved images and non-images, each with its reason', () => {
    const impact = deletionImpact(graph, ['gold', 'used', 'shelf', 'w1', 'nope'], adminAll);
    const reasons = Object.fromEntries(impact.refused.map((r) => [r.id, r.reason]));
    expect(reasons.gold).toMatch(/^protected: .*; in-use: 1 server boots from it: web-2 \(w2\)/);
    expect(reasons.used).toMatch(/^in-use: /);
    expect(reasons.shelf).toMatch(/^shelved: shelve image of server batch-1/);
    expect(reasons.w1).toBe('not an image (server)');
    expect(reasons.nope).toBe('not in the lineage graph');
    expect(impact.deletable).toEqual([]);
    expect(impact.bytes).toBe(0);
  });

  it("refuses another project's image unless an admin chose all projects", () => {
    const own = buildLineage({ images, servers, viewer: adminOwn });
    const reason = deletionImpact(own, ['orph'], adminOwn).refused[0]?.reason ?? '';
    expect(reason).toContain('unknown: its server gone is not in your server list');
    expect(reason).toContain(
      'foreign: owned by project 2c72c112c0944ccfa5eba64442c61478; choose all projects',
    );
    expect(deletionImpact(graph, ['orph'], adminOwn).refused[0]?.reason).toMatch(/^foreign: /);
    expect(deletionImpact(graph, ['orph'], adminAll).deletable.map((d) => d.id)).toEqual(['orph']);
  });

  it('lists what loses its root when a base image goes', () => {
    const lonely = buildLineage({
      images: [
        baseImage(ROOT, 'old-base'),
        snapshot('s', 'leftover', 'gone', ROOT),
        snapshot('t', 'other', 'gone', ROOT),
      ],
      servers: [],
      viewer: adminAll,
    });
    const impact = deletionImpact(lonely, [ROOT, 's'], adminAll);
    expect(impact.deletable.map((d) => d.id)).toEqual([ROOT, 's']);
    expect(impact.breaks).toEqual([{ id: 't', reason: 'loses its parent old-base (root-ima)' }]);
  });
});
