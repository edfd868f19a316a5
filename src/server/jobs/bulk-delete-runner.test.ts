/** The job runner alone, over a fake Glance: the concurrency bound, pause, and no double delete. */
import { describe, expect, it } from 'vitest';
import { buildLineage } from '../../lineage';
import { ADMIN_PROJECT, adminAll, baseImage } from '../../lineage/fixtures/builders';
import { OpenStackError } from '../../openstack/errors';
import type { GlanceImage } from '../../openstack/types';
import { BulkDeleteJob } from './bulk-delete-job';
import type { FreshLineageSource } from './fresh-lineage';
import type { JobAuditFields } from './job-audit';

function fakeGlance(images: GlanceImage[], delayMs = 5) {
  const live = new Map(images.map((i) => [i.id, i]));
  let inFlight = 0;
  const stats = { peak: 0, deletes: [] as string[], started: 0 };
  const slow = async <T>(f: () => T): Promise<T> => {
    inFlight++;
    stats.peak = Math.max(stats.peak, inFlight);
    await new Promise((r) => setTimeout(r, delayMs));
    inFlight--;
    return f();
  };
  const notFound = () =>
    new OpenStackError({
      code: 'not_found',
      message: 'gone',
      service: 'image',
      status: 404,
      requestId: null,
    });
  return {
    stats,
    live,
    getImage: (id: string) =>
      slow(() => {
        stats.started++;
        const img = live.get(id);
        if (!img) throw notFound();
        return img;
      }),
    deleteImage: (id: string) =>
      slow(() => {
        if (!live.delete(id)) throw notFound();
        stats.deletes.push(id);
      }),
  };
}

function job(images: GlanceImage[], concurrency: number, glance: ReturnType<typeof fakeGlance>) {
  const fresh: FreshLineageSource = {
    get: () =>
      Promise.resolve({
        graph: buildLineage({ images: [...glance.live.values()], servers: [], viewer: adminAll }),
        readAt: performance.now(),
      }),
  };
  const audit: JobAuditFields[] = [];
  const j = new BulkDeleteJob({
    id: 'job-test',
    glance,
    fresh,
    viewer: adminAll,
    items: images.map((i) => ({ id: i.id, name: i.name ?? '' })),
    confirmed: new Map(images.map((i) => [i.id, { id: i.id, owner: ADMIN_PROJECT, orphan: false }])),
    concurrency,
    recheckMaxAgeMs: 0,
    audit: (f) => audit.push(f),
    who: { user: 'admin', cloud: 'test', project: 'admin' },
  });
  return { j, audit };
}

const images = Array.from({ length: 30 }, (_, i) => baseImage(`img-${i}`, `image-${i}`));

describe('BulkDeleteJob runner', () => {
  it('never has more than `concurrency` items in flight, and deletes each item exactly once', async () => {
    const glance = fakeGlance(images);
    const { j, audit } = job(images, 4, glance);
    j.start();
    await j.whenIdle();
    expect(j.status).toBe('done');
    expect(glance.stats.peak).toBeLessThanOrEqual(4);
    expect(glance.stats.peak).toBeGreaterThan(1);
    expect(glance.stats.deletes.sort()).toEqual(images.map((i) => i.id).sort());
    expect(audit.filter((a) => a.action === 'image.delete' && a.outcome === 'ok')).toHaveLength(30);
  });

  it('starts no new item while paused, and finishes the rest after resume', async () => {
    const glance = fakeGlance(images, 10);
    const { j } = job(images, 2, glance);
    j.start();
    expect(j.command('pause')).toBeNull();
    await j.whenIdle();
    const startedWhilePaused = glance.stats.started;
    expect(startedWhilePaused).toBeLessThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 40));
    expect(glance.stats.started).toBe(startedWhilePaused);
    expect(j.view().progress.pending).toBe(30 - startedWhilePaused);
    expect(j.command('pause')).toMatch(/cannot pause/);
    expect(j.command('resume')).toBeNull();
    await j.whenIdle();
    expect(j.view().progress).toMatchObject({ deleted: 30, settled: 30 });
  });

  it('a repeated id is one item', () => {
    const glance = fakeGlance(images);
    const { j } = job([...images.slice(0, 3), images[0]!], 2, glance);
    expect(j.view().items.map((i) => i.id)).toEqual(['img-0', 'img-1', 'img-2']);
  });
});
