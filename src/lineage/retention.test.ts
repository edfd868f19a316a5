import { describe, expect, it } from 'vitest';
import { buildLineage } from './build-lineage';
import { selectForRetention } from './retention';
import { adminAll, baseImage, server, snapshot } from './fixtures/builders';

const ROOT = 'root-image';
const NOW = Date.parse('2026-12-31T00:00:00Z');
const images = [
  baseImage(ROOT, 'debian-12-lab', { created_at: '2025-01-01T00:00:00Z' }),
  snapshot('n1', 'nightly-1', 'w1', ROOT, { created_at: '2026-12-01T00:00:00Z' }),
  snapshot('n2', 'nightly-2', 'w1', ROOT, { created_at: '2026-12-10T00:00:00Z' }),
  snapshot('n3', 'nightly-3', 'w1', ROOT, { created_at: '2026-12-20T00:00:00Z' }),
  snapshot('old-orphan', 'tmp-1-snap', 'gone', ROOT, { created_at: '2026-01-01T00:00:00Z' }),
  snapshot('new-orphan', 'tmp-2-snap', 'gone2', ROOT, { created_at: '2026-12-30T00:00:00Z' }),
  snapshot('prot-orphan', 'keep-me', 'gone3', ROOT, { created_at: '2026-01-01T00:00:00Z', protected: true }),
];
const servers = [server('w1', 'web-1', ROOT)];
const graph = buildLineage({ images, servers, viewer: adminAll });
const ids = (xs: { id: string }[]): string[] => xs.map((x) => x.id).sort();

describe('selectForRetention', () => {
  it('selects nothing without a criterion', () => {
    expect(selectForRetention(graph, { now: NOW }, adminAll).selected).toEqual([]);
  });

  it('selects orphans, never the protected one, and says why the rest stay', () => {
    const r = selectForRetention(graph, { now: NOW, orphans: true }, adminAll);
    expect(ids(r.selected)).toEqual(['new-orphan', 'old-orphan']);
    expect(r.bytes).toBe(2 * 196616);
    expect(r.excluded.find((e) => e.id === 'prot-orphan')?.reason).toMatch(/^protected: /);
    expect(r.excluded.find((e) => e.id === 'n1')?.reason).toBe('not an orphan');
    expect(r.excluded.find((e) => e.id === ROOT)?.reason).toBe(
      'image: retention selects it only when named explicitly',
    );
  });

  it('AND-s orphans with an age', () => {
    const r = selectForRetention(graph, { now: NOW, orphans: true, olderThanDays: 30 }, adminAll);
    expect(ids(r.selected)).toEqual(['old-orphan']);
    expect(r.excluded.find((e) => e.id === 'new-orphan')?.reason).toContain('not older than 30 days');
  });

  it('keeps the newest N snapshots per server', () => {
    const r = selectForRetention(graph, { now: NOW, keepPerServer: 2 }, adminAll);
    expect(ids(r.selected)).toEqual(['n1']);
    expect(r.excluded.find((e) => e.id === 'n3')?.reason).toBe('kept: newest #1 of server web-1 (w1)');
    expect(r.selected[0]?.reason).toBe('more than 2 newer snapshots of server web-1 (w1)');
  });

  it('takes a base image only when named explicitly, and still refuses it when in use', () => {
    const unused = buildLineage({ images: [baseImage('b', 'unused-base')], servers: [], viewer: adminAll });
    expect(ids(selectForRetention(unused, { now: NOW, ids: ['b'] }, adminAll).selected)).toEqual(['b']);
    const r = selectForRetention(graph, { now: NOW, ids: [ROOT, 'missing'] }, adminAll);
    expect(r.selected).toEqual([]);
    expect(r.excluded.map((e) => e.id).sort()).toEqual(['missing', ROOT].sort());
  });
});
