import { describe, expect, it } from 'vitest';
import { DEMO_IDS, PROJECT_IDS } from '../../sim';
import { appHeaders } from '../test-helpers';
import { browser, teamStack } from './team-test-kit';

async function createImage(b: ReturnType<typeof browser>, name: string): Promise<string> {
  const res = await b.send('/api/image/v2/images', {
    method: 'POST',
    headers: appHeaders({ 'content-type': 'application/json' }),
    body: JSON.stringify({ name, disk_format: 'qcow2', container_format: 'bare' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('team mode: rights follow Keystone', () => {
  it('gives a reader-only person the read-only experience and refuses their changes, whatever the UI does', async () => {
    const stack = teamStack();
    const auditor = browser(stack);
    const signedIn = await auditor.signIn('auditor');
    expect(await signedIn.json()).toMatchObject({ readOnly: true, roles: ['reader'] });
    expect(await (await auditor.get('/api/session')).json()).toMatchObject({
      user: { name: 'auditor' },
      readOnly: true,
    });
    expect((await auditor.get('/api/image/v2/images')).status).toBe(200);

    const before = stack.sim.requestCount('DELETE');
    const attempts = [
      auditor.send(`/api/image/v2/images/${DEMO_IDS.web1}`, { method: 'DELETE', headers: appHeaders() }),
      auditor.post('/api/jobs/bulk-delete', { ids: [DEMO_IDS.web1] }),
      auditor.post(`/api/compute/servers/x/action`, { createImage: { name: 's' } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({
        code: 'read_only',
        message: expect.stringMatching(/auditor has only the reader role/) as unknown,
      });
    }
    expect(stack.sim.requestCount('DELETE')).toBe(before);
    const refused = stack.audit.list({ outcome: 'refused' });
    expect(refused).toHaveLength(3);
    for (const e of refused) expect(e).toMatchObject({ user: 'auditor', project: 'demo', code: 'read_only' });
    // The person may still sign out (not a change to the cloud).
    expect((await auditor.post('/api/team/sign-out')).status).toBe(200);
  });

  it('lets a member change things, and the audit log names that member', async () => {
    const stack = teamStack();
    const demo = browser(stack);
    await demo.signIn('demo');
    const id = await createImage(demo, 'team-made');
    const del = await demo.send(`/api/image/v2/images/${id}`, { method: 'DELETE', headers: appHeaders() });
    expect(del.status).toBe(204);
    const entries = (await (await demo.get('/api/audit?action=image')).json()) as {
      entries: { action: string; user: string; project: string }[];
    };
    expect(entries.entries.map((e) => [e.action, e.user, e.project])).toEqual([
      ['image.delete', 'demo', 'demo'],
      ['image.create', 'demo', 'demo'],
    ]);
    expect(stack.audit.list({ action: 'team.sign-in' })[0]).toMatchObject({
      user: 'demo',
      project: 'demo',
      outcome: 'ok',
    });
  });

  it('keeps two people signed in at once apart: their own projects, their own names in the audit log', async () => {
    const stack = teamStack();
    const demo = browser(stack);
    const alt = browser(stack);
    await Promise.all([demo.signIn('demo'), alt.signIn('alt')]);
    const [a, b] = await Promise.all([createImage(demo, 'from-demo'), createImage(alt, 'from-alt')]);
    const projectOf = async (b: ReturnType<typeof browser>) =>
      ((await (await b.get('/api/session')).json()) as { project: { id: string } }).project.id;
    const [sd, sa] = await Promise.all([projectOf(demo), projectOf(alt)]);
    expect(sd).toBe(PROJECT_IDS.demo);
    expect(sa).toBe(PROJECT_IDS.alt);
    // Each request goes out with its own person's token: alt cannot see demo's private image.
    const [demoSees, altSees] = await Promise.all([
      demo.get(`/api/image/v2/images/${a}`),
      alt.get(`/api/image/v2/images/${a}`),
    ]);
    expect([demoSees.status, altSees.status]).toEqual([200, 404]);
    await Promise.all([
      demo.send(`/api/image/v2/images/${a}`, { method: 'DELETE', headers: appHeaders() }),
      alt.send(`/api/image/v2/images/${b}`, { method: 'DELETE', headers: appHeaders() }),
    ]);
    const byTarget = (t: string) =>
      stack.audit.list({ q: t }).map((e) => `${e.action} ${e.user}/${e.project ?? ''}`);
    expect(byTarget(a)).toEqual(['image.delete demo/demo', 'image.create demo/demo']);
    expect(byTarget(b)).toEqual(['image.delete alt/alt', 'image.create alt/alt']);
  });

  it('runs a job as the person who started it, and audits its deletes under their name', async () => {
    const stack = teamStack();
    const demo = browser(stack);
    const alt = browser(stack);
    await demo.signIn('demo');
    await alt.signIn('alt');
    const id = await createImage(demo, 'job-target');
    const started = await demo.post('/api/jobs/bulk-delete', { ids: [id] });
    expect(started.status).toBe(202);
    const { jobId } = (await started.json()) as { jobId: string };
    await alt.get('/api/session'); // another person's request while the job runs
    await expect
      .poll(
        async () => ((await (await demo.get(`/api/jobs/${jobId}`)).json()) as { status: string }).status,
        { timeout: 5000 },
      )
      .toBe('done');
    const deletes = stack.audit.list({ q: id }).filter((e) => e.method === 'DELETE');
    expect(deletes.length).toBeGreaterThan(0);
    for (const e of deletes) expect(e.user).toBe('demo');
  });

  it("keeps each person's jobs their own: another person can neither see nor steer them", async () => {
    const stack = teamStack();
    const demo = browser(stack);
    const alt = browser(stack);
    await demo.signIn('demo');
    await alt.signIn('alt');
    const id = await createImage(demo, 'owned-job-target');
    const started = await demo.post('/api/jobs/bulk-delete', { ids: [id] });
    expect(started.status).toBe(202);
    const { jobId } = (await started.json()) as { jobId: string };
    expect((await (await alt.get('/api/jobs')).json()) as { jobs: unknown[] }).toEqual({ jobs: [] });
    expect((await alt.get(`/api/jobs/${jobId}`)).status).toBe(404);
    expect((await alt.post(`/api/jobs/${jobId}/cancel`)).status).toBe(404);
    expect((await alt.get(`/api/jobs/${jobId}/report`)).status).toBe(404);
    const mine = (await (await demo.get('/api/jobs')).json()) as { jobs: { id: string }[] };
    expect(mine.jobs.map((j) => j.id)).toEqual([jobId]);
  });

  it("lists the person's projects and re-scopes to another one, revoking the old token", async () => {
    const stack = teamStack();
    const admin = browser(stack);
    await admin.signIn('admin');
    const list = (await (await admin.get('/api/team/projects')).json()) as {
      projects: { id: string; name: string }[];
      current: string;
    };
    expect(list.projects.map((p) => p.name)).toEqual(['admin', 'demo']);
    expect(list.current).toBe(PROJECT_IDS.admin);
    const sw = await admin.post('/api/team/project', { projectId: PROJECT_IDS.demo });
    expect(sw.status).toBe(200);
    expect(await sw.json()).toMatchObject({ project: { name: 'demo' }, roles: ['member'], readOnly: false });
    expect(await (await admin.get('/api/session')).json()).toMatchObject({
      project: { name: 'demo' },
      isAdmin: false,
    });
    expect(stack.keystoneCalls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
    expect(stack.audit.list({ action: 'team.switch-project' })[0]).toMatchObject({
      user: 'admin',
      targets: ['admin', 'demo'],
    });
    // A project the person has no role in is refused.
    const alt = await admin.post('/api/team/project', { projectId: PROJECT_IDS.alt });
    expect(alt.status).toBe(403);
    expect(await (await admin.get('/api/session')).json()).toMatchObject({ project: { name: 'demo' } });
  });
});
