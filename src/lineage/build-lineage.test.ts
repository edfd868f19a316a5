import { describe, expect, it } from 'vitest';
import { buildLineage, missingImageId, missingServerId } from './build-lineage';
import { ancestorsOf } from './traverse';
import { factOf, hasFact } from './facts';
import { planGolden, planDeployableCopy } from './convert';
import {
  adminAll,
  adminOwn,
  ALT_PROJECT,
  baseImage,
  demoViewer,
  server,
  snapshot,
} from './fixtures/builders';
import type { GlanceImage } from '../openstack/types';

const ROOT = 'd0c95b9a-3b8f-4a78-9014-5688b64940d1';
const root = baseImage(ROOT, 'debian-12-lab');

describe('buildLineage parents', () => {
  it('treats a boot-from-volume server (image "") as a root', () => {
    const g = buildLineage({ images: [], servers: [server('s1', 'vol-1', '')], viewer: adminAll });
    expect(g.roots).toEqual(['s1']);
    expect(g.nodes.get('s1')?.parentId).toBeNull();
  });

  it('creates a missing-image placeholder for a server whose image does not exist, with a broken-chain fact', () => {
    const g = buildLineage({ images: [], servers: [server('s1', 'web', 'gone-image')], viewer: adminAll });
    const ph = g.nodes.get(missingImageId('gone-image'));
    expect(ph?.kind).toBe('missing-image');
    expect(g.nodes.get('s1')?.parentId).toBe(ph?.id);
    expect(factOf(g.nodes.get('s1')!, 'broken-chain')?.reason).toContain('gone-ima');
    expect(hasFact(ph!, 'broken-chain')).toBe(true);
  });

  it('hangs a snapshot whose server is gone under a missing-image root when base_image_ref is deleted too', () => {
    const g = buildLineage({
      images: [snapshot('i1', 'old-snap', 'gone-server', 'gone-root')],
      servers: [],
      viewer: adminAll,
    });
    const node = g.nodes.get('i1')!;
    expect(node.parentId).toBe(missingImageId('gone-root'));
    expect(node.unknownGenerations).toBe(true);
    expect(node.rootId).toBe(missingImageId('gone-root'));
    expect(hasFact(node, 'broken-chain')).toBe(true);
    expect(hasFact(node, 'orphan')).toBe(true);
  });

  it('uses a missing-server placeholder for a snapshot without base_image_ref whose server is gone', () => {
    const snap = snapshot('i1', 'snap', 'gone-server', ROOT);
    delete snap.base_image_ref;
    const g = buildLineage({ images: [snap], servers: [], viewer: adminAll });
    expect(g.nodes.get('i1')?.parentId).toBe(missingServerId('gone-server'));
    expect(g.nodes.get(missingServerId('gone-server'))?.kind).toBe('missing-server');
    expect(g.edges).toEqual([
      {
        id: `snapshot-of:${missingServerId('gone-server')}->i1`,
        source: missingServerId('gone-server'),
        target: 'i1',
        kind: 'snapshot-of',
      },
    ]);
  });

  it('never invents a generation: base_image_ref is used as root only, not as parent, while the server exists', () => {
    const g = buildLineage({
      images: [
        root,
        snapshot('s1snap', 'web-1-snap', 'w1', ROOT),
        snapshot('s2snap', 'web-2-snap', 'w2', ROOT),
      ],
      servers: [server('w1', 'web-1', ROOT), server('w2', 'web-2', 's1snap')],
      viewer: adminAll,
    });
    expect(ancestorsOf(g, 's2snap')).toEqual(['w2', 's1snap', 'w1', ROOT]);
    expect(g.edges.some((e) => e.kind === 'root-only')).toBe(false);
  });

  it('keeps the first of duplicate ids and reports the rest', () => {
    const first = baseImage('dup', 'first');
    const g = buildLineage({
      images: [first, baseImage('dup', 'second')],
      servers: [server('dup', 'srv', '')],
      viewer: adminAll,
    });
    expect(g.nodes.get('dup')?.image).toBe(first);
    expect(g.problems.map((p) => p.kind)).toEqual(['duplicate-id', 'duplicate-id']);
  });

  it('lets a live server win over the same server in the deleted list', () => {
    const live = server('s1', 'web', ROOT);
    const g = buildLineage({
      images: [root],
      servers: [live],
      deletedServers: [{ ...live, status: 'DELETED' }],
      viewer: adminAll,
    });
    expect(g.nodes.get('s1')?.status).toBe('ACTIVE');
    expect(g.problems).toEqual([]);
  });
});

describe('buildLineage cycles', () => {
  it('breaks a server booted from a snapshot of itself and reports it', () => {
    const g = buildLineage({
      images: [snapshot('snap', 'loop-snap', 'srv', ROOT)],
      servers: [server('srv', 'loop', 'snap')],
      viewer: adminAll,
    });
    expect(g.problems).toHaveLength(1);
    expect(g.problems[0]?.kind).toBe('cycle');
    expect(new Set(g.problems[0]?.ids)).toEqual(new Set(['snap', 'srv']));
    expect(g.nodes.get('snap')?.parentId).toBeNull();
    expect(g.nodes.get('srv')?.parentId).toBe('snap');
    expect(hasFact(g.nodes.get('srv')!, 'cycle')).toBe(true);
    expect(g.roots).toEqual(['snap']);
  });

  it('ignores a base_image_ref naming the image itself', () => {
    const g = buildLineage({ images: [snapshot('me', 'self', 'gone', 'me')], servers: [], viewer: adminAll });
    expect(g.problems.map((p) => p.kind)).toEqual(['self-reference']);
    expect(ancestorsOf(g, 'me')).toEqual([missingServerId('gone')]);
    expect(hasFact(g.nodes.get('me')!, 'cycle')).toBe(true);
  });

  it('breaks a provenance loop between two converted images', () => {
    const a = baseImage('a', 'a', { glance_lineage_source_image: 'b' });
    const b = baseImage('b', 'b', { glance_lineage_source_image: 'a' });
    const g = buildLineage({ images: [a, b], servers: [], viewer: adminAll });
    expect(g.problems[0]?.message).toContain('cycle');
    expect(g.roots).toEqual(['a']);
    expect(ancestorsOf(g, 'b')).toEqual(['a']);
  });
});

describe('buildLineage conversions', () => {
  const snap = snapshot('snap', 'web-1-snap', 'w1', ROOT);
  const images = [root, snap];
  const servers = [server('w1', 'web-1', ROOT)];

  it('keeps a snapshot converted to golden in place in its family, through the recorded server', () => {
    const plan = planGolden(snap, { now: '2026-11-30T10:00:00Z', by: 'admin' });
    const golden: GlanceImage = { ...snap, ...plan.added };
    for (const key of plan.removed) delete golden[key];
    const g = buildLineage({ images: [root, golden], servers, viewer: adminAll });
    const node = g.nodes.get('snap')!;
    expect(node.kind).toBe('golden');
    expect(node.parentId).toBe('w1');
    expect(factOf(node, 'converted')?.reason).toBe('converted in place at 2026-11-30T10:00:00Z by admin');
    expect(hasFact(node, 'orphan')).toBe(false);
    expect(g.problems).toEqual([]);
    // The server gone: the golden image hangs under the recorded root, not as an orphan.
    const alone = buildLineage({ images: [root, golden], servers: [], viewer: adminAll });
    expect(alone.nodes.get('snap')?.parentId).toBe(ROOT);
    expect(alone.nodes.get('snap')?.unknownGenerations).toBe(true);
    expect(hasFact(alone.nodes.get('snap')!, 'orphan')).toBe(false);
  });

  it('ignores provenance a snapshot inherited from the golden image its server booted from', () => {
    const plan = planGolden(snap, { now: '2026-11-30T10:00:00Z' });
    const golden: GlanceImage = { ...snap, ...plan.added };
    for (const key of plan.removed) delete golden[key];
    // Nova copies the boot image's properties (provenance included) onto the next snapshot.
    const next = snapshot('next', 'app-2-snap', 'app2', 'snap', { ...plan.added, image_type: 'snapshot' });
    const g = buildLineage({
      images: [root, golden, next],
      servers: [...servers, server('app2', 'app-2', 'snap')],
      viewer: adminAll,
    });
    expect(ancestorsOf(g, 'next')).toEqual(['app2', 'snap', 'w1', ROOT]);
    expect(g.nodes.get('next')?.kind).toBe('snapshot');
    expect(hasFact(g.nodes.get('next')!, 'converted')).toBe(false);
    expect(planGolden(next, { now: 'later' }).added.glance_lineage_source_image).toBe('next');
  });

  it("reads a source naming the recorded server's boot image as a conversion in place", () => {
    const golden = baseImage('gold', 'app-golden', {
      image_type: 'golden',
      glance_lineage_source_image: ROOT,
      glance_lineage_source_server: 'w1',
    });
    const g = buildLineage({ images: [root, golden], servers, viewer: adminAll });
    expect(g.nodes.get('gold')?.parentId).toBe('w1');
    expect(g.edges.find((e) => e.target === 'gold')?.kind).toBe('snapshot-of');
  });

  it('hangs a deployable copy under its source with a converted-from edge', () => {
    const plan = planDeployableCopy(snap, { now: '2026-11-30T10:00:00Z' });
    const copy = baseImage('copy', String(plan.create.name), plan.create);
    const g = buildLineage({ images: [...images, copy], servers, viewer: adminAll });
    expect(g.nodes.get('copy')?.parentId).toBe('snap');
    expect(g.edges.find((e) => e.target === 'copy')?.kind).toBe('converted-from');
    expect(factOf(g.nodes.get('copy')!, 'converted')?.reason).toBe(
      'converted from web-1-snap (snap) at 2026-11-30T10:00:00Z',
    );
  });
});

describe('facts', () => {
  it('recognises the shelve image of a SHELVED_OFFLOADED server and never calls it an orphan', () => {
    const g = buildLineage({
      images: [root, snapshot('sh', 'batch-2-shelved', 'b2', ROOT)],
      servers: [server('b2', 'batch-2', ROOT, { status: 'SHELVED_OFFLOADED' })],
      viewer: demoViewer,
    });
    const node = g.nodes.get('sh')!;
    expect(factOf(node, 'shelved')?.reason).toContain('batch-2 (b2)');
    expect(hasFact(node, 'orphan')).toBe(false);
  });

  it('recognises an X-shelved image whose instance_uuid is unknown but whose server X is shelved', () => {
    const g = buildLineage({
      images: [root, snapshot('sh', 'batch-1-shelved', 'not-listed', ROOT)],
      servers: [server('b1', 'batch-1', ROOT, { status: 'SHELVED' })],
      viewer: demoViewer,
    });
    expect(hasFact(g.nodes.get('sh')!, 'shelved')).toBe(true);
    expect(hasFact(g.nodes.get('sh')!, 'orphan')).toBe(false);
  });

  it('treats a user snapshot of a shelved server as an ordinary snapshot', () => {
    const g = buildLineage({
      images: [root, snapshot('us', 'batch-1-before', 'b1', ROOT)],
      servers: [server('b1', 'batch-1', ROOT, { status: 'SHELVED' })],
      viewer: demoViewer,
    });
    expect(g.nodes.get('us')?.facts).toEqual([]);
  });

  it("says unknown, never orphan, when the viewer cannot list the instance's project", () => {
    const foreignSnap = snapshot('x', 'alt-app-1-snap', 'alt-server', ROOT, {
      owner: ALT_PROJECT,
      owner_id: ALT_PROJECT,
    });
    for (const viewer of [demoViewer, adminOwn]) {
      const g = buildLineage({ images: [root, foreignSnap], servers: [], viewer });
      const node = g.nodes.get('x')!;
      expect(hasFact(node, 'orphan')).toBe(false);
      expect(factOf(node, 'unknown')?.reason).toContain(ALT_PROJECT);
      expect(hasFact(node, 'foreign')).toBe(true);
    }
    const g = buildLineage({ images: [root, foreignSnap], servers: [], viewer: adminAll });
    expect(hasFact(g.nodes.get('x')!, 'orphan')).toBe(true);
  });

  it('says unknown for a volume-backed snapshot', () => {
    const vol = snapshot('v', 'vol-snap', 'gone', ROOT, {
      size: 0,
      block_device_mapping: '[{"source_type": "snapshot", "snapshot_id": "c1"}]',
      bdm_v2: 'True',
    });
    const g = buildLineage({ images: [root, vol], servers: [], viewer: adminAll });
    const node = g.nodes.get('v')!;
    expect(node.kind).toBe('volume-snapshot');
    expect(hasFact(node, 'unknown')).toBe(true);
    expect(hasFact(node, 'orphan')).toBe(false);
  });

  it('marks protected and transitional images', () => {
    const g = buildLineage({
      images: [
        baseImage('p', 'gold', { protected: true }),
        baseImage('q', 'queued-one', { status: 'queued', size: null }),
      ],
      servers: [],
      viewer: adminAll,
    });
    expect(factOf(g.nodes.get('p')!, 'protected')?.reason).toBe(
      'gold (p) is protected: Glance refuses to delete it',
    );
    expect(factOf(g.nodes.get('q')!, 'transitional')?.reason).toBe(
      'queued-one (q) is queued: its data is not settled yet',
    );
  });

  it('does not count deleted servers as use', () => {
    const g = buildLineage({
      images: [root],
      servers: [],
      deletedServers: [server('d', 'tmp-1', ROOT, { status: 'DELETED' })],
      viewer: adminAll,
    });
    expect(hasFact(g.nodes.get(ROOT)!, 'in-use')).toBe(false);
    expect(hasFact(g.nodes.get('d')!, 'deleted-server')).toBe(true);
  });

  it('counts many servers with a short list of names', () => {
    const servers = Array.from({ length: 5 }, (_, i) => server(`s${i}`, `web-${i}`, ROOT));
    const g = buildLineage({ images: [root], servers, viewer: adminAll });
    expect(factOf(g.nodes.get(ROOT)!, 'in-use')?.reason).toBe(
      '5 servers boot from it: web-0 (s0), web-1 (s1), web-2 (s2) and 2 more',
    );
  });
});
