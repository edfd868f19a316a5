/** Property-based tests: random forests with cycles, self-references, dangling references and duplicate ids. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildLineage } from './build-lineage';
import { deletionImpact } from './impact';
import { selectForRetention } from './retention';
import { layoutTree } from './layout';
import { ancestorsOf, topologicalOrder } from './traverse';
import { hasFact } from './facts';
import { deleteRefusals } from './safety';
import { isImageKind } from './classify';
import { ADMIN_PROJECT, ALT_PROJECT, baseImage, DEMO_PROJECT, server } from './fixtures/builders';
import type { GlanceImage, NovaServer, NovaServerStatus } from '../openstack/types';
import type { LineageInput, Viewer } from './types';

const PROJECTS = [ADMIN_PROJECT, DEMO_PROJECT, ALT_PROJECT];
const SERVER_STATUSES: NovaServerStatus[] = ['ACTIVE', 'SHUTOFF', 'SHELVED', 'SHELVED_OFFLOADED', 'ERROR'];
const IMAGE_STATUSES = ['active', 'active', 'active', 'queued', 'saving', 'deactivated'] as const;

/** Ids come from small pools so that references collide, dangle and loop. */
const imageId = (i: number): string => `img-${i}`;
const serverId = (i: number): string => `srv-${i}`;

const ref = (pool: (i: number) => string, size: number) =>
  fc.option(fc.integer({ min: 0, max: size + 2 }).map(pool), { nil: undefined });

const imageArb = (n: number, m: number) =>
  fc.record({
    id: fc.integer({ min: 0, max: n - 1 }).map(imageId),
    instance: ref(serverId, m),
    base: ref(imageId, n),
    source: fc.option(fc.integer({ min: 0, max: n }).map(imageId), { nil: undefined, freq: 5 }),
    type: fc.constantFrom(undefined, 'snapshot', 'backup', 'golden', 'image'),
    shelvedName: fc.boolean(),
    protected: fc.boolean(),
    owner: fc.constantFrom(...PROJECTS),
    ownerId: fc.option(fc.constantFrom(...PROJECTS), { nil: undefined }),
    status: fc.constantFrom(...IMAGE_STATUSES),
    volume: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
    created: fc.integer({ min: 0, max: 1000 }),
  });

const serverArb = (n: number, m: number) =>
  fc.record({
    id: fc.integer({ min: 0, max: m - 1 }).map(serverId),
    image: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: n + 2 }).map(imageId)),
    status: fc.constantFrom(...SERVER_STATUSES),
    tenant: fc.constantFrom(...PROJECTS),
  });

const viewerArb: fc.Arbitrary<Viewer> = fc.record({
  projectId: fc.constantFrom(...PROJECTS),
  isAdmin: fc.boolean(),
  allProjects: fc.boolean(),
});

const inputArb: fc.Arbitrary<LineageInput> = fc
  .record({ n: fc.integer({ min: 1, max: 30 }), m: fc.integer({ min: 1, max: 15 }) })
  .chain(({ n, m }) =>
    fc.record({
      images: fc.array(imageArb(n, m), { maxLength: n + 5 }),
      servers: fc.array(serverArb(n, m), { maxLength: m + 3 }),
      deleted: fc.array(serverArb(n, m), { maxLength: 3 }),
      viewer: viewerArb,
    }),
  )
  .map(({ images, servers, deleted, viewer }) => {
    const toServer = (
      s: { id: string; image: string; status: NovaServerStatus; tenant: string },
      gone: boolean,
    ): NovaServer =>
      server(s.id, `name-${s.id}`, s.image, { status: gone ? 'DELETED' : s.status, tenant_id: s.tenant });
    return {
      images: images.map((r): GlanceImage => {
        const extra: Partial<GlanceImage> = {
          owner: r.owner,
          protected: r.protected,
          status: r.status,
          created_at: new Date(Date.UTC(2026, 0, 1) + r.created * 3_600_000).toISOString(),
        };
        if (r.instance !== undefined) extra.instance_uuid = r.instance;
        if (r.base !== undefined) extra.base_image_ref = r.base;
        if (r.source !== undefined) extra.glance_lineage_source_image = r.source;
        if (r.type !== undefined) extra.image_type = r.type;
        if (r.ownerId !== undefined) extra.owner_id = r.ownerId;
        if (r.volume) Object.assign(extra, { size: 0, block_device_mapping: '[{"snapshot_id":"x"}]' });
        const name = r.shelvedName && r.instance ? `name-${r.instance}-shelved` : `image-${r.id}`;
        return baseImage(r.id, name, extra);
      }),
      servers: servers.map((s) => toServer(s, false)),
      deletedServers: deleted.map((s) => toServer(s, true)),
      viewer,
    };
  });

const RUNS = { numRuns: 300 };

describe('buildLineage on random data', () => {
  it('is fed data that really has cycles, self-references, duplicates, placeholders and orphans', () => {
    const seen = new Set<string>();
    for (const input of fc.sample(inputArb, { numRuns: 300, seed: 42 })) {
      const g = buildLineage(input);
      for (const p of g.problems) seen.add(p.kind);
      for (const n of g.nodes.values()) {
        if (n.kind === 'missing-image' || n.kind === 'missing-server') seen.add(n.kind);
        for (const f of n.facts) seen.add(f.kind);
      }
    }
    for (const kind of [
      'cycle',
      'self-reference',
      'duplicate-id',
      'missing-image',
      'missing-server',
      'orphan',
      'shelved',
      'unknown',
      'in-use',
    ])
      expect(seen).toContain(kind);
  });

  it('keeps every image exactly once (the first of duplicate ids) and reports the duplicates', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const g = buildLineage(input);
        const first = new Map<string, GlanceImage>();
        for (const image of input.images) if (!first.has(image.id)) first.set(image.id, image);
        for (const [id, image] of first) expect(g.nodes.get(id)?.image).toBe(image);
        const imageNodes = [...g.nodes.values()].filter((n) => n.image !== undefined);
        expect(imageNodes).toHaveLength(first.size);
        const dupes = input.images.length - first.size;
        expect(g.problems.filter((p) => p.kind === 'duplicate-id').length).toBeGreaterThanOrEqual(dupes);
      }),
      RUNS,
    );
  });

  it('is a forest: every ancestor walk ends at a root, and edges, children and roots agree', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const g = buildLineage(input);
        for (const node of g.nodes.values()) {
          let cur: string | null = node.id;
          let steps = 0;
          while (cur !== null && steps <= g.nodes.size) {
            cur = g.nodes.get(cur)?.parentId ?? null;
            steps++;
          }
          expect(cur).toBeNull();
          const up = ancestorsOf(g, node.id);
          expect(new Set(up).size).toBe(up.length);
          if (up.length > 0) expect(g.nodes.get(up[up.length - 1] as string)?.parentId).toBeNull();
          if (node.parentId !== null) {
            expect(g.nodes.has(node.parentId)).toBe(true);
            expect(g.children.get(node.parentId)).toContain(node.id);
          }
        }
        expect(g.edges).toHaveLength(g.nodes.size - g.roots.length);
        expect(new Set(g.roots)).toEqual(
          new Set([...g.nodes.values()].filter((n) => n.parentId === null).map((n) => n.id)),
        );
        expect(topologicalOrder(g)).toHaveLength(g.nodes.size);
      }),
      RUNS,
    );
  });

  it('marks every node of a reported cycle', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const g = buildLineage(input);
        for (const problem of g.problems)
          if (problem.kind !== 'duplicate-id')
            for (const id of problem.ids) expect(hasFact(g.nodes.get(id)!, 'cycle')).toBe(true);
      }),
      RUNS,
    );
  });

  it('never calls an orphan shelved, unknown, or uncertain', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const g = buildLineage(input);
        const deleted = new Set((input.deletedServers ?? []).map((s) => s.id));
        const live = new Set(input.servers.map((s) => s.id));
        for (const node of g.nodes.values()) {
          if (!hasFact(node, 'orphan')) continue;
          expect(hasFact(node, 'shelved')).toBe(false);
          expect(hasFact(node, 'unknown')).toBe(false);
          expect(isImageKind(node.kind)).toBe(true);
          const instance = node.image?.instance_uuid as string;
          expect(typeof instance).toBe('string');
          expect(live.has(instance)).toBe(false);
          // Written out here, not through canSeeServersOf, so that a bug there fails this test.
          const image = node.image!;
          const project = typeof image.owner_id === 'string' ? image.owner_id : image.owner;
          const certain =
            deleted.has(instance) ||
            (input.viewer.isAdmin && input.viewer.allProjects) ||
            project === input.viewer.projectId;
          expect(certain).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('never selects or lets delete a forbidden image', () => {
    fc.assert(
      fc.property(
        inputArb,
        viewerArb,
        fc.record({
          orphans: fc.boolean(),
          olderThanDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
          keepPerServer: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        }),
        fc.boolean(),
        (input, actor, rule, named) => {
          const g = buildLineage(input);
          const ids = named ? [...g.nodes.keys()] : undefined;
          const selection = selectForRetention(g, { ...rule, ids, now: Date.UTC(2026, 1, 15) }, actor);
          for (const item of selection.selected) {
            const node = g.nodes.get(item.id);
            expect(deleteRefusals(node, actor)).toEqual([]);
            for (const kind of ['protected', 'shelved', 'in-use', 'unknown', 'transitional'] as const)
              expect(hasFact(node!, kind)).toBe(false);
            if (node!.projectId !== actor.projectId) expect(actor.isAdmin && actor.allProjects).toBe(true);
            if (rule.orphans) expect(hasFact(node!, 'orphan')).toBe(true);
          }
          expect(selection.bytes).toBe(selection.selected.reduce((s, i) => s + i.bytes, 0));
          const impact = deletionImpact(g, g.nodes.keys(), actor);
          expect(impact.deletable.length + impact.refused.length).toBe(g.nodes.size);
          for (const d of impact.deletable) expect(deleteRefusals(g.nodes.get(d.id), actor)).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('hides exactly the subtrees of collapsed nodes', () => {
    fc.assert(
      fc.property(inputArb, fc.array(fc.nat(), { maxLength: 5 }), (input, picks) => {
        const g = buildLineage(input);
        const all = [...g.nodes.keys()];
        const collapsed = new Set(picks.map((p) => all[p % all.length] as string));
        const l = layoutTree(g, { collapsed });
        for (const id of all) {
          const hidden = ancestorsOf(g, id).some((a) => collapsed.has(a));
          expect(l.positions.has(id)).toBe(!hidden);
        }
        expect(new Set([...l.positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(l.positions.size);
      }),
      RUNS,
    );
  });

  it('lays out every node at its own position', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const g = buildLineage(input);
        const l = layoutTree(g);
        expect(l.positions.size).toBe(g.nodes.size);
        expect(new Set([...l.positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(g.nodes.size);
      }),
      RUNS,
    );
  });
});
