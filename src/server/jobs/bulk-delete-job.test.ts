import { describe, expect, it } from 'vitest';
import { buildLineage, selectForRetention } from '../../lineage';
import { DEMO_IDS } from '../../sim';
import type { AuditEntry } from '../audit-log';
import type { BulkDeleteJobView, JobSummary } from '../../wire/jobs';
import { simApp, type SimApp } from './test-kit';

const ORPHANS = [DEMO_IDS.tmp1Snap, DEMO_IDS.test7SnapA, DEMO_IDS.test7SnapB];

async function start(t: SimApp, body: Record<string, unknown>): Promise<string> {
  const res = await t.post('/api/jobs/bulk-delete', body);
  expect(res.status).toBe(202);
  return ((await res.json()) as { jobId: string }).jobId;
}

function imageIds(t: SimApp): Set<string> {
  return new Set(t.sim.snapshotState().images.map((i) => i.id));
}

/** Exactly the items reported deleted are gone, each got one successful DELETE, nothing else was touched. */
function expectExactlyReportedGone(t: SimApp, before: Set<string>, job: BulkDeleteJobView): void {
  const now = imageIds(t);
  const gone = [...before].filter((id) => !now.has(id)).sort();
  expect(gone).toEqual(
    job.items
      .filter((i) => i.state === 'deleted')
      .map((i) => i.id)
      .sort(),
  );
  const ok = t.sim.requestLog().filter((r) => r.method === 'DELETE' && r.status === 204);
  expect(new Set(ok.map((r) => r.path)).size).toBe(ok.length);
  const inSet = new Set(job.items.map((i) => i.id));
  for (const r of t.sim.requestLog().filter((x) => x.method === 'DELETE'))
    expect(inSet.has(r.path.split('/').pop() ?? '')).toBe(true);
}

/** The orphan snapshots of a generated cloud, as the UI's dry run would pick them. */
function generatedOrphans(t: SimApp): string[] {
  const { images, servers } = t.sim.snapshotState();
  const viewer = { projectId: null, isAdmin: true, allProjects: true };
  const graph = buildLineage({
    images: images.filter((i) => !i.os_hidden),
    servers: servers.filter((s) => s.status !== 'DELETED'),
    deletedServers: servers.filter((s) => s.status === 'DELETED'),
    viewer,
  });
  return selectForRetention(graph, { orphans: true, now: Date.now() }, viewer).selected.map((s) => s.id);
}

describe('bulk-delete job', () => {
  it('deletes the confirmed orphans, refuses protected and shelved images, reports a missing one', async () => {
    const t = await simApp();
    const before = imageIds(t);
    const id = await start(t, {
      ids: [
        ...ORPHANS,
        DEMO_IDS.web1Snap,
        DEMO_IDS.batch2Shelved,
        DEMO_IDS.centos8Deleted,
        DEMO_IDS.tmp1Snap,
      ],
      concurrency: 3,
    });
    const job = (await t.idle(id)) as BulkDeleteJobView;
    expect(job.status).toBe('done');
    const by = new Map(job.items.map((i) => [i.id, i]));
    expect(job.items).toHaveLength(6); // the repeated id is one item
    for (const o of ORPHANS) expect(by.get(o)?.state).toBe('deleted');
    expect(by.get(DEMO_IDS.web1Snap)).toMatchObject({
      state: 'skipped',
      reason: expect.stringMatching(/protected/) as string,
    });
    expect(by.get(DEMO_IDS.batch2Shelved)).toMatchObject({
      state: 'skipped',
      reason: expect.stringMatching(/shelved/) as string,
    });
    expect(by.get(DEMO_IDS.centos8Deleted)?.state).toBe('already-gone');
    expect(job.progress).toMatchObject({
      total: 6,
      settled: 6,
      deleted: 3,
      skipped: 2,
      alreadyGone: 1,
      failed: 0,
    });
    expect(job.progress.bytesReclaimed).toBeGreaterThan(0);
    expectExactlyReportedGone(t, before, job);

    const audit = (await (await t.get('/api/audit?limit=100')).json()) as { entries: AuditEntry[] };
    const deletes = audit.entries.filter((e) => e.action === 'image.delete');
    expect(
      deletes
        .filter((e) => e.outcome === 'ok' && e.status === 204)
        .map((e) => e.targets[0])
        .sort(),
    ).toEqual([...ORPHANS].sort());
    expect(
      deletes
        .filter((e) => e.outcome === 'refused')
        .map((e) => e.targets[0])
        .sort(),
    ).toEqual([DEMO_IDS.web1Snap, DEMO_IDS.batch2Shelved].sort());
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['job.bulk-delete.start', 'job.bulk-delete.done']),
    );
    expect(audit.entries[0]).toMatchObject({ user: 'admin', cloud: expect.any(String) as string });

    const list = (await (await t.get('/api/jobs')).json()) as { jobs: JobSummary[] };
    expect(list.jobs[0]).toMatchObject({
      id,
      kind: 'bulk-delete',
      status: 'done',
      summary: expect.stringMatching(/^3\/6 deleted/) as string,
    });
  });

  it('re-checks each item just before its delete: what became protected or in use since the dry run is kept', async () => {
    const t = await simApp();
    const id = await start(t, { ids: [...ORPHANS, DEMO_IDS.ciSnap1], concurrency: 1, recheckMaxAgeMs: 0 });
    expect((await t.post(`/api/jobs/${id}/pause`)).status).toBe(200);
    await t.idle(id);
    // The cloud changes after the confirmation: one image gets protected, one gets a server booted from it.
    await t.glance.updateImage(DEMO_IDS.test7SnapB, [{ op: 'replace', path: '/protected', value: true }]);
    const flavor = (await t.nova.listFlavors())[0]!;
    await t.nova.createServer({ name: 'late-user', imageRef: DEMO_IDS.ciSnap1, flavorRef: flavor.id });
    expect((await t.post(`/api/jobs/${id}/resume`)).status).toBe(200);
    const job = (await t.idle(id)) as BulkDeleteJobView;
    const by = new Map(job.items.map((i) => [i.id, i]));
    expect(by.get(DEMO_IDS.tmp1Snap)?.state).toBe('deleted');
    expect(by.get(DEMO_IDS.test7SnapB)).toMatchObject({
      state: 'skipped',
      reason: expect.stringMatching(/protected/) as string,
    });
    expect(by.get(DEMO_IDS.ciSnap1)).toMatchObject({
      state: 'skipped',
      reason: expect.stringMatching(/in-use/) as string,
    });
    expect(imageIds(t).has(DEMO_IDS.ciSnap1)).toBe(true);
    expect(imageIds(t).has(DEMO_IDS.test7SnapB)).toBe(true);
  });

  it('cancel stops before the remaining items and says so for each; nothing after the cancel is deleted', async () => {
    const t = await simApp();
    const id = await start(t, { ids: ORPHANS, concurrency: 1 });
    await t.post(`/api/jobs/${id}/pause`);
    await t.idle(id);
    const res = await t.post(`/api/jobs/${id}/cancel`);
    expect(res.status).toBe(200);
    const job = (await t.idle(id)) as BulkDeleteJobView;
    expect(job.status).toBe('cancelled');
    expect(job.progress.settled).toBe(3);
    const cancelled = job.items.filter((i) => i.state === 'cancelled');
    expect(cancelled.length).toBeGreaterThanOrEqual(2);
    for (const c of cancelled) expect(imageIds(t).has(c.id)).toBe(true);
    expect((await t.post(`/api/jobs/${id}/resume`)).status).toBe(409);
  });

  it('retry runs the failed items again, and only those', async () => {
    const t = await simApp();
    t.sim.setFaults({ errorRate: 1, methods: ['DELETE'], services: ['image'] });
    const id = await start(t, { ids: [...ORPHANS, DEMO_IDS.web1Snap], concurrency: 2 });
    let job = (await t.idle(id)) as BulkDeleteJobView;
    expect(job.progress).toMatchObject({ failed: 3, skipped: 1 });
    expect(job.items.find((i) => i.state === 'failed')?.status).toBe(503);
    t.sim.clearFaults();
    expect((await t.post(`/api/jobs/${id}/retry`)).status).toBe(200);
    job = (await t.idle(id)) as BulkDeleteJobView;
    expect(job.progress).toMatchObject({ deleted: 3, skipped: 1, failed: 0 });
    expect(job.items.find((i) => i.id === DEMO_IDS.web1Snap)?.runs).toBe(1);
    expect((await t.post(`/api/jobs/${id}/retry`)).status).toBe(409);
  });

  it('survives 5xx, resets, timeouts and an expired token mid-job: every item reported, none deleted twice or outside the set', async () => {
    const t = await simApp({ scenario: 'generated', generated: { images: 400, servers: 60, seed: 7 } });
    const targets = generatedOrphans(t);
    expect(targets.length).toBeGreaterThan(20);
    const before = imageIds(t);
    t.sim.setFaults({
      errorRate: 0.2,
      resetRate: 0.1,
      timeoutRate: 0.05,
      timeoutMs: 30,
      services: ['image'],
      seed: 3,
    });
    const id = await start(t, { ids: targets, concurrency: 6 });
    t.sim.expireTokens();
    let job = (await t.idle(id)) as BulkDeleteJobView;
    expect(job.status).toBe('done');
    expect(job.progress.settled).toBe(targets.length);
    expect(job.items.every((i) => ['deleted', 'failed', 'already-gone', 'skipped'].includes(i.state))).toBe(
      true,
    );
    expectExactlyReportedGone(t, before, job);
    const log = t.sim.requestLog();
    expect(log.some((r) => r.status === 'reset')).toBe(true);
    expect(log.some((r) => r.status === 'timeout')).toBe(true);
    expect(log.some((r) => r.status === 503)).toBe(true);
    expect(log.some((r) => r.status === 401)).toBe(true);
    t.sim.clearFaults();
    if (job.progress.failed > 0) {
      await t.post(`/api/jobs/${id}/retry`);
      job = (await t.idle(id)) as BulkDeleteJobView;
    }
    expect(job.progress.failed).toBe(0);
    const now = imageIds(t);
    for (const i of job.items)
      if (i.state === 'deleted' || i.state === 'already-gone') expect(now.has(i.id)).toBe(false);
  });

  it('serves a report as JSON and CSV downloads', async () => {
    const t = await simApp();
    const id = await start(t, { ids: [DEMO_IDS.tmp1Snap, DEMO_IDS.web1Snap] });
    await t.idle(id);
    const json = await t.get(`/api/jobs/${id}/report`);
    expect(json.headers.get('content-disposition')).toMatch(
      /attachment; filename="glance-lineage-job-.*\.json"/,
    );
    expect(((await json.json()) as { job: BulkDeleteJobView }).job.items).toHaveLength(2);
    const csv = await (await t.get(`/api/jobs/${id}/report?format=csv`)).text();
    expect(csv.split('\n')[0]).toBe('id,name,outcome,reason,status,request_id,ms,bytes,runs');
    expect(csv).toContain(`${DEMO_IDS.tmp1Snap},tmp-1-snap,deleted`);
  });

  it('validates its input and answers 404 for an unknown job', async () => {
    const t = await simApp();
    expect((await t.post('/api/jobs/bulk-delete', { ids: [] })).status).toBe(400);
    expect((await t.post('/api/jobs/bulk-delete', { ids: ['../etc'] })).status).toBe(400);
    expect(
      (await t.post('/api/jobs/bulk-delete', { ids: [DEMO_IDS.tmp1Snap], concurrency: 99 })).status,
    ).toBe(400);
    expect((await t.get('/api/jobs/job-nope')).status).toBe(404);
    expect((await t.post('/api/jobs/job-nope/pause')).status).toBe(404);
  });

  it('is refused and audited in read-only mode, and needs the app header', async () => {
    const t = await simApp({ readOnly: true });
    const res = await t.post('/api/jobs/bulk-delete', { ids: [DEMO_IDS.tmp1Snap] });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('read_only');
    expect(imageIds(t).has(DEMO_IDS.tmp1Snap)).toBe(true);
    const audit = (await (await t.get('/api/audit')).json()) as { entries: AuditEntry[] };
    expect(audit.entries[0]).toMatchObject({
      action: 'job.bulk-delete.start',
      outcome: 'refused',
      code: 'read_only',
    });
    expect((await t.get('/api/jobs')).status).toBe(200);

    const rw = await simApp();
    const csrf = await rw.app.request('http://127.0.0.1:8375/api/jobs/bulk-delete', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [DEMO_IDS.tmp1Snap] }),
    });
    expect(csrf.status).toBe(403);
    expect(rw.registry.all()).toHaveLength(0);
  });
});
