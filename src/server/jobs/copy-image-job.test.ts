import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../sim';
import type { AuditEntry } from '../audit-log';
import type { CopyJobView } from '../../wire/jobs';
import { simApp } from './test-kit';

describe('copy-image job', () => {
  it('creates a new image with the planned properties and provenance, and streams the data into it', async () => {
    const t = await simApp();
    const source = await t.glance.getImage(DEMO_IDS.web1Snap);
    const res = await t.post('/api/jobs/copy-image', { sourceId: DEMO_IDS.web1Snap, name: 'web-deployable' });
    expect(res.status).toBe(202);
    const { jobId } = (await res.json()) as { jobId: string };
    const job = (await t.idle(jobId)) as CopyJobView;
    expect(job).toMatchObject({ status: 'done', stage: 'done', name: 'web-deployable', error: null });
    expect(job.bytes).toBe(source.size);
    expect(job.totalBytes).toBe(source.size);
    expect(job.carried.length).toBeGreaterThan(0);
    expect(job.dropped).toContain('instance_uuid');

    const copy = await t.glance.getImage(job.targetId!);
    expect(copy).toMatchObject({
      name: 'web-deployable',
      status: 'active',
      checksum: source.checksum,
      image_type: 'image',
    });
    expect(copy.glance_lineage_source_image).toBe(DEMO_IDS.web1Snap);
    expect(copy.instance_uuid).toBeUndefined();
    // The data went through one streamed upload, not through any other request.
    expect(t.sim.requestCount('PUT', `/v2/images/${job.targetId!}/file`)).toBe(1);

    const audit = (await (await t.get('/api/audit?limit=20')).json()) as { entries: AuditEntry[] };
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['job.copy-image.start', 'image.create', 'image.upload', 'job.copy-image.done']),
    );
  });

  it('cancel deletes the half-made image', async () => {
    const t = await simApp();
    t.sim.setFaults({ latencyMs: 150, methods: ['PUT'], services: ['image'] });
    const { jobId } = (await (
      await t.post('/api/jobs/copy-image', { sourceId: DEMO_IDS.web1Snap })
    ).json()) as { jobId: string };
    for (let i = 0; i < 50 && (await t.job(jobId)).kind === 'copy-image'; i++) {
      const v = (await t.job(jobId)) as CopyJobView;
      if (v.stage === 'copying') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await t.post(`/api/jobs/${jobId}/cancel`)).status).toBe(200);
    const job = (await t.idle(jobId)) as CopyJobView;
    expect(job.status).toBe('cancelled');
    expect(job.targetId).not.toBeNull();
    expect(job.cleanup).toMatch(/was deleted/);
    expect(t.sim.snapshotState().images.some((i) => i.id === job.targetId)).toBe(false);
    expect((await t.post(`/api/jobs/${jobId}/pause`)).status).toBe(409);
  });

  it('fails with the reason and cleans up when Glance refuses the upload', async () => {
    const t = await simApp();
    t.sim.setFaults({ errorRate: 1, methods: ['PUT'], services: ['image'] });
    const { jobId } = (await (
      await t.post('/api/jobs/copy-image', { sourceId: DEMO_IDS.web1Snap })
    ).json()) as { jobId: string };
    const job = (await t.idle(jobId)) as CopyJobView;
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/unavailable|503/i);
    expect(t.sim.snapshotState().images.some((i) => i.id === job.targetId)).toBe(false);
  });

  it('refuses in read-only mode', async () => {
    const t = await simApp({ readOnly: true });
    expect((await t.post('/api/jobs/copy-image', { sourceId: DEMO_IDS.web1Snap })).status).toBe(403);
    expect(t.registry.all()).toHaveLength(0);
  });
});
