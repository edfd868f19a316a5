import { describe, expect, it } from 'vitest';
import { createSimulator, DEMO_IDS, manualClock, XSS_IMAGE_NAME } from './index';
import { body, glance, login } from './test-kit';

describe('scenarios', () => {
  it('demo: about 60 images, unique fixed ids, fixed 2026 dates independent of the clock', () => {
    const a = createSimulator({ scenario: 'demo', clock: manualClock(0) }).snapshotState();
    const b = createSimulator({ scenario: 'demo' }).snapshotState();
    expect(a.images.length).toBeGreaterThanOrEqual(55);
    expect(a.images.length).toBeLessThanOrEqual(65);
    expect(a).toEqual(b);
    const ids = Object.values(DEMO_IDS);
    expect(new Set(ids).size).toBe(ids.length);
    expect(a.images.every((i) => i.created_at.startsWith('2026-'))).toBe(true);
  });

  it('demo: tells the story (golden template, orphans, broken root, shelved, xss name, backups)', () => {
    const { images, servers } = createSimulator({ scenario: 'demo' }).snapshotState();
    const img = (id: string) => images.find((i) => i.id === id);
    const srv = (id: string) => servers.find((s) => s.id === id);
    const golden = img(DEMO_IDS.appGolden)!;
    expect(golden).toMatchObject({
      image_type: 'golden',
      glance_lineage_source_server: DEMO_IDS.app1,
      glance_lineage_source_image: DEMO_IDS.ubuntu2204,
    });
    expect(golden.instance_uuid).toBeUndefined();
    expect(srv(DEMO_IDS.app2)!.image).toMatchObject({ id: DEMO_IDS.appGolden });
    for (const orphan of [DEMO_IDS.tmp1Snap, DEMO_IDS.test7SnapA, DEMO_IDS.test7SnapB, DEMO_IDS.altTmpSnap]) {
      expect(srv(img(orphan)!.instance_uuid!)!.status).toBe('DELETED');
    }
    expect(img(DEMO_IDS.centos8Deleted)).toBeUndefined();
    expect(img(DEMO_IDS.legacy1Snap)!.base_image_ref).toBe(DEMO_IDS.centos8Deleted);
    expect(srv(DEMO_IDS.batch1)!.status).toBe('SHELVED');
    expect(srv(DEMO_IDS.batch2)!.status).toBe('SHELVED_OFFLOADED');
    expect(img(DEMO_IDS.batch2Shelved)!.name).toBe('batch-2-shelved');
    expect(img(DEMO_IDS.xssName)!.name).toBe(XSS_IMAGE_NAME);
    expect(images.filter((i) => i.image_type === 'backup').map((i) => i.backup_type)).toEqual([
      'daily',
      'weekly',
    ]);
    expect(img(DEMO_IDS.web1Snap)).toMatchObject({ protected: true, tags: ['golden'] });
    expect(img(DEMO_IDS.opsBackupDb1)).toMatchObject({ visibility: 'shared', tags: ['ops-backup'] });
  });

  it('generated: deterministic for a seed, exact counts, chains deeper than one generation, some orphans and shelved', () => {
    const opts = { scenario: 'generated' as const, generated: { images: 3000, servers: 400, seed: 5 } };
    const a = createSimulator(opts).snapshotState();
    expect(a).toEqual(createSimulator(opts).snapshotState());
    expect(a.images).toHaveLength(3000);
    expect(a.servers).toHaveLength(400);
    const byId = new Map(a.images.map((i) => [i.id, i]));
    const fromSnapshot = a.servers.filter(
      (s) => s.image !== '' && byId.get(s.image.id)?.image_type === 'snapshot',
    );
    expect(fromSnapshot.length).toBeGreaterThan(10);
    expect(a.servers.some((s) => s.status === 'DELETED')).toBe(true);
    expect(a.servers.some((s) => s.status === 'SHELVED' || s.status === 'SHELVED_OFFLOADED')).toBe(true);
    expect(new Set(a.images.map((i) => i.owner)).size).toBe(3);
    const other = createSimulator({
      scenario: 'generated',
      generated: { images: 3000, servers: 400, seed: 6 },
    }).snapshotState();
    expect(other.images[0]!.id).not.toBe(a.images[0]!.id);
  });

  it('generated: builds 50,000 images and 2,000 servers quickly, keeping no image bytes', () => {
    const c0 = process.cpuUsage();
    const sim = createSimulator({ scenario: 'generated', generated: { images: 50_000, servers: 2_000 } });
    const c = process.cpuUsage(c0);
    const cpuMs = (c.user + c.system) / 1000;
    expect(sim.counts().images).toBe(50_000);
    // About 1 s on this machine when idle. CPU time, not wall time: parallel test files share 2 cores.
    expect(cpuMs).toBeLessThan(2500);
    expect(sim.snapshotState().images.every((i) => typeof i.size === 'number')).toBe(true);
  }, 30_000);

  it('generated: serves paged lists of 1000', async () => {
    const sim = createSimulator({ scenario: 'generated', generated: { images: 2500, servers: 100 } });
    const t = await login(sim, 'admin');
    let path: string | undefined = '/v2/images?limit=1000';
    let n = 0;
    while (path) {
      const page: { images: unknown[]; next?: string } = await body(await glance(sim, t, path));
      n += page.images.length;
      path = page.next;
    }
    const hidden = sim.snapshotState().images.filter((i) => i.os_hidden).length;
    expect(n).toBe(2500 - hidden);
  });

  it('empty: no images, no servers; identity still works', async () => {
    const sim = createSimulator({ scenario: 'empty' });
    expect(sim.counts()).toEqual({ images: 0, servers: 0, deletedServers: 0 });
    const t = await login(sim, 'demo');
    expect((await body<{ images: unknown[] }>(await glance(sim, t, '/v2/images'))).images).toEqual([]);
  });

  it('reset rebuilds the scenario, drops tokens and faults, and can switch scenario', async () => {
    const sim = createSimulator({ scenario: 'demo' });
    const t = await login(sim, 'demo');
    await glance(sim, t, `/v2/images/${DEMO_IDS.tmp1Snap}`, { method: 'DELETE' });
    sim.setFaults({ errorRate: 1, services: ['compute'] });
    sim.reset();
    expect(sim.deletedImageIds()).toEqual([]);
    expect((await glance(sim, t, '/v2/images')).status).toBe(401);
    const t2 = await login(sim, 'demo');
    expect((await glance(sim, t2, `/v2/images/${DEMO_IDS.tmp1Snap}`)).status).toBe(200);
    expect(sim.requestLog().map((r) => r.status)).toEqual([401, 201, 200]);
    sim.reset({ scenario: 'empty' });
    expect(sim.scenario).toBe('empty');
    expect(sim.counts().images).toBe(0);
  });
});
