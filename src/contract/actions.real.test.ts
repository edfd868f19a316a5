/**
 * The actions on a real cloud (the lab in CI), through the proxy under test: `createApp` in-process over
 * the admin's Keystone session, sent what the SPA sends. Every outcome is then read from Glance directly
 * with the project's clients, not from the proxy's answer. The images come from the shared fixtures
 * (`fixtures.actions`, real Nova snapshots); all of them, and the copy made here, carry the run prefix.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { planGolden, PROVENANCE_KEYS, selectForRetention, type Viewer } from '../lineage';
import { GlanceClient } from '../openstack/glance';
import { NovaClient } from '../openstack/nova';
import { KeystoneSession } from '../openstack/session';
import type { GlanceImage } from '../openstack/types';
import { freshLineageSource } from '../server/jobs/fresh-lineage';
import type { BulkDeleteJobView, CopyJobView } from '../wire/jobs';
import { realProxy, type RealProxy } from './real-proxy';
import { resolveRealClouds } from './real-cloud';
import { exists } from './server-waits';

const run = inject('realRun');
const f = run.fixtures;
const resolved = resolveRealClouds(process.env);
if (resolved.kind !== 'ready') throw new Error(`real-cloud tier: ${resolved.message}`);
const clouds = resolved.clouds;

const PATCH_TYPE = 'application/openstack-images-v2.1-json-patch';

let admin: KeystoneSession | undefined;
let proxy: RealProxy | undefined;
const need = () => {
  if (!admin || !proxy) throw new Error('the admin session is not open yet');
  return { admin, proxy, glance: new GlanceClient(admin), nova: new NovaClient(admin) };
};

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe(`actions through the proxy on the real cloud ${clouds.admin.name}`, () => {
  beforeAll(async () => {
    admin = await KeystoneSession.open(clouds.admin);
    proxy = realProxy({ upstream: admin });
  });
  afterAll(async () => {
    await admin?.revoke().catch(() => undefined);
  });

  it('converts a real Nova snapshot to golden: Glance then has image_type=golden, no instance_uuid, the provenance', async () => {
    const { proxy, glance, admin } = need();
    const id = f.actions.snapshotId;
    const before = await json<GlanceImage>(await proxy.send('GET', `/api/image/v2/images/${id}`), 200);
    expect(before.image_type).toBe('snapshot');
    expect(before.instance_uuid).toBe(f.actions.keepServerId);
    expect(before.base_image_ref).toBe(f.base.id);

    const now = new Date().toISOString();
    const by = admin.info().user.name;
    const plan = planGolden(before, { now, by });
    expect(plan.removed).toContain('instance_uuid');
    const res = await proxy.send('PATCH', `/api/image/v2/images/${id}`, {
      json: plan.patch,
      contentType: PATCH_TYPE,
    });
    await json<GlanceImage>(res, 200);

    const after = await glance.getImage(id);
    expect(after.image_type).toBe('golden');
    expect(after.instance_uuid).toBeUndefined();
    for (const key of plan.removed) expect(after[key], key).toBeUndefined();
    expect(after[PROVENANCE_KEYS.sourceImage]).toBe(id);
    expect(after[PROVENANCE_KEYS.sourceServer]).toBe(f.actions.keepServerId);
    expect(after[PROVENANCE_KEYS.baseImageRef]).toBe(f.base.id);
    expect(after[PROVENANCE_KEYS.convertedAt]).toBe(now);
    expect(after[PROVENANCE_KEYS.convertedBy]).toBe(by);
    // Inherited from the base image: kept.
    for (const [k, v] of Object.entries(f.base.properties)) expect(after[k], k).toBe(v);
    expect(after.checksum).toBe(before.checksum);

    const audited = proxy.audit.list({ action: 'image.update' });
    expect(audited.some((e) => e.outcome === 'ok' && e.targets.includes(id))).toBe(true);
  });

  it("makes a deployable copy with the copy job: Glance's checksum and os_hash_value of source and copy are equal", async () => {
    const { proxy, glance } = need();
    const sourceId = f.actions.snapshotId;
    const name = `${run.prefix}act-copy`;
    const started = await json<{ jobId: string }>(
      await proxy.send('POST', '/api/jobs/copy-image', { json: { sourceId, name } }),
      202,
    );
    const job = (await proxy.waitForJob(started.jobId)) as CopyJobView;
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ kind: 'copy-image', status: 'done', stage: 'done', name });
    expect(job.targetId).toBeTruthy();

    const source = await glance.getImage(sourceId);
    const copy = await glance.getImage(job.targetId ?? '');
    expect(copy.status).toBe('active');
    expect(copy.name).toBe(name);
    expect(source.checksum).toBeTruthy();
    expect(copy.checksum).toBe(source.checksum);
    expect(source.os_hash_value).toBeTruthy();
    expect(copy.os_hash_algo).toBe(source.os_hash_algo);
    expect(copy.os_hash_value).toBe(source.os_hash_value);
    expect(copy.size).toBe(source.size);
    expect(job.bytes).toBe(source.size);
    expect(copy.image_type).toBe('image');
    expect(copy.instance_uuid).toBeUndefined();
    expect(copy[PROVENANCE_KEYS.sourceImage]).toBe(sourceId);
    expect(copy.os_distro).toBe(f.base.properties.os_distro);
  });

  it('adds a tag and removes it again through the proxy, as Glance then shows', async () => {
    const { proxy, glance } = need();
    const id = f.actions.snapshotId;
    const tag = `${run.prefix}gold`;
    const path = `/api/image/v2/images/${id}/tags/${encodeURIComponent(tag)}`;
    expect((await proxy.send('PUT', path)).status).toBe(204);
    expect((await glance.getImage(id)).tags).toContain(tag);
    expect((await glance.listImages({ tag })).map((i) => i.id)).toEqual([id]);
    expect((await proxy.send('DELETE', path)).status).toBe(204);
    expect((await glance.getImage(id)).tags).not.toContain(tag);
    // Removing it again: Glance's 404 comes back through the proxy.
    expect((await proxy.send('DELETE', path)).status).toBe(404);
  });

  it("bulk delete of orphans through the job API deletes exactly the run's orphan snapshots, never the shelved, protected or in-use ones", async () => {
    const { proxy, admin, glance, nova } = need();
    const info = admin.info();
    const viewer: Viewer = { projectId: info.project?.id ?? null, isAdmin: true, allProjects: true };

    // What the Cleanup view's orphan rule selects among this track's images.
    const { graph } = await freshLineageSource(glance, nova, viewer).get(0);
    const selection = selectForRetention(graph, { orphans: true, now: Date.now() }, viewer);
    const track = `${run.prefix}act-`;
    const candidates = selection.selected.filter((s) => s.name.startsWith(track)).map((s) => s.id);
    expect([...candidates].sort()).toEqual([...f.actions.orphanIds].sort());
    expect(selection.selected.map((s) => s.id)).toContain(f.orphan.snapshotId);
    const excluded = new Map(selection.excluded.map((e) => [e.id, e.reason]));
    expect(excluded.get(f.actions.protectedOrphanId)).toMatch(/protected/);
    // Their servers still exist, so the orphan rule leaves them out before anything else.
    expect(excluded.get(f.shelved.imageId)).toBe('not an orphan');
    expect(excluded.get(f.chain.snapshots[0] ?? '')).toBe('not an orphan');

    // The job is also handed the unsafe ones: its re-check must refuse each of them.
    const unsafe = {
      protected: f.actions.protectedOrphanId,
      shelved: f.shelved.imageId,
      'in-use': f.chain.snapshots[0] ?? '',
    };
    const started = await json<{ jobId: string }>(
      await proxy.send('POST', '/api/jobs/bulk-delete', {
        json: { ids: [...candidates, ...Object.values(unsafe)], concurrency: 4, allProjects: true },
      }),
      202,
    );
    const job = (await proxy.waitForJob(started.jobId)) as BulkDeleteJobView;
    expect(job.status).toBe('done');
    const state = new Map(job.items.map((i) => [i.id, i]));
    const deleted = job.items.filter((i) => i.state === 'deleted').map((i) => i.id);
    expect(deleted.sort()).toEqual([...f.actions.orphanIds].sort());
    for (const [fact, id] of Object.entries(unsafe)) {
      expect(state.get(id)?.state, `${fact} ${id}`).toBe('skipped');
      expect(state.get(id)?.reason).toMatch(new RegExp(fact));
    }
    expect(job.progress).toMatchObject({
      total: candidates.length + 3,
      deleted: candidates.length,
      skipped: 3,
      failed: 0,
    });

    for (const id of f.actions.orphanIds) expect(await exists(() => glance.getImage(id)), id).toBe(false);
    const kept = [
      ...Object.values(unsafe),
      f.orphan.snapshotId,
      f.actions.snapshotId,
      f.base.id,
      ...f.chain.snapshots,
    ];
    for (const id of kept) expect(await exists(() => glance.getImage(id)), id).toBe(true);
    expect((await glance.getImage(f.actions.protectedOrphanId)).protected).toBe(true);
  });
});
