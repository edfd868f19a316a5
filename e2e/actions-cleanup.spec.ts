import { DEMO_IDS } from '../src/sim/scenarios';
import { clearFaults, expireTokens, imageIds, jobItems, setFaults } from './actions-helpers';
import { expect, test } from './fixtures';

test.describe('bulk cleanup', () => {
  test.beforeEach(async ({ request }) => {
    await clearFaults(request);
  });

  test('orphans: dry run with reasons and exclusions, confirm with the count, job to the end, reload, report', async ({
    page,
    request,
  }) => {
    await page.goto('/?view=cleanup');
    const summary = page.getByLabel('Dry run summary');
    await expect(summary).toContainText(/orphan snapshots .*: \d+ images? would be deleted/);
    const wouldGo = page.getByRole('table', { name: 'Would be deleted' });
    await expect(wouldGo).toContainText('tmp-1-snap');
    await expect(wouldGo).toContainText(/orphan: its server tmp-1/);
    await expect(wouldGo).not.toContainText('web-1-snap');
    await page.getByText(/^Excluded \(\d+\) and why$/).click();
    await expect(page.getByRole('table', { name: 'Excluded' })).toContainText(/web-1-snap\s*not an orphan/);
    const count = Number(/(\d+) images? would be deleted/.exec((await summary.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    const before = await imageIds(request);

    const go = page.getByRole('button', { name: new RegExp(`^Delete ${count} images?$`) });
    await expect(go).toBeDisabled();
    await page.getByLabel('Type the count to confirm').fill(String(count + 1));
    await expect(go).toBeDisabled();
    await page.getByLabel('Type the count to confirm').fill(String(count));
    await go.click();

    await expect(page).toHaveURL(/job=job-/);
    await expect(page.getByLabel('Job status')).toHaveText('done');
    await expect(page.getByLabel('Job counts')).toContainText(
      `${count}/${count} done: ${count} deleted, 0 failed`,
    );
    const jobId = new URL(page.url()).searchParams.get('job') ?? '';
    const after = await imageIds(request);
    expect(before.size - after.size).toBe(count);
    expect(after.has(DEMO_IDS.tmp1Snap)).toBe(false);

    await page.reload();
    await expect(page.getByLabel('Job status')).toHaveText('done');
    await expect(page.getByRole('table', { name: 'Job items' })).toContainText('tmp-1-snap');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Report (CSV)' }).click();
    expect((await download).suggestedFilename()).toBe(`glance-lineage-${jobId}.csv`);
    await expect(page.getByRole('list', { name: 'Jobs' })).toContainText(jobId);
  });

  test.describe('on a generated cloud', () => {
    test.use({ scenario: 'generated', generated: { images: 400, servers: 60 } });

    test('5xx, resets, timeouts and an expired token mid-job: the job ends, every item is reported, nothing outside the set or twice', async ({
      page,
      request,
    }) => {
      await page.goto('/?view=cleanup');
      const summary = page.getByLabel('Dry run summary');
      await expect(summary).toContainText(/\d+ images would be deleted/);
      const count = Number(/(\d+) images? would be deleted/.exec((await summary.textContent()) ?? '')?.[1]);
      expect(count).toBeGreaterThan(10);
      const before = await imageIds(request);

      await setFaults(request, {
        errorRate: 0.25,
        resetRate: 0.1,
        timeoutRate: 0.05,
        timeoutMs: 300,
        services: ['image'],
        pathPattern: '^/v2/images/[^/]+$',
        seed: 11,
      });
      // The faults bite: some of a few plain reads of one image through the proxy fail.
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await request.get(`/api/image/v2/images/${[...before][0] ?? ''}`)).status());
      expect(statuses.some((s) => s >= 500)).toBe(true);
      await page.getByLabel('Concurrency').fill('4');
      await page.getByLabel('Type the count to confirm').fill(String(count));
      await page.getByRole('button', { name: `Delete ${count} images` }).click();
      await expireTokens(request);
      await expect(page.getByLabel('Job status')).toHaveText('done', { timeout: 45_000 });
      await clearFaults(request);

      const jobId = new URL(page.url()).searchParams.get('job') ?? '';
      const items = await jobItems(request, jobId);
      expect(items).toHaveLength(count);
      expect(items.every((i) => ['deleted', 'failed', 'skipped', 'already-gone'].includes(i.state))).toBe(
        true,
      );
      const after = await imageIds(request);
      const gone = [...before].filter((id) => !after.has(id)).sort();
      const set = new Set(items.map((i) => i.id));
      expect(gone.every((id) => set.has(id))).toBe(true);
      expect(gone).toEqual(
        items
          .filter((i) => i.state === 'deleted' || i.state === 'already-gone')
          .map((i) => i.id)
          .sort(),
      );

      const failed = items.filter((i) => i.state === 'failed').length;
      if (failed > 0) {
        await page.getByRole('button', { name: `Retry ${failed} failed` }).click();
        await expect(page.getByLabel('Job status')).toHaveText('done');
      }
      await expect(page.getByLabel('Job counts')).toContainText(/0 failed/);
      const final = await jobItems(request, jobId);
      const stillThere = await imageIds(request);
      for (const i of final) expect(stillThere.has(i.id)).toBe(i.state === 'skipped');
    });
  });

  test('pause, resume and cancel: what was not started stays, each reported cancelled', async ({
    page,
    request,
  }) => {
    await page.goto('/?view=cleanup');
    await expect(page.getByLabel('Dry run summary')).toContainText(/would be deleted/);
    const summary = (await page.getByLabel('Dry run summary').textContent()) ?? '';
    const count = Number(/(\d+) images? would be deleted/.exec(summary)?.[1]);
    expect(count).toBeGreaterThan(2);
    const before = await imageIds(request);
    await setFaults(request, { latencyMs: 400, services: ['image'], methods: ['DELETE'] });
    await page.getByLabel('Concurrency').fill('1');
    await page.getByLabel('Type the count to confirm').fill(String(count));
    await page.getByRole('button', { name: `Delete ${count} images` }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByLabel('Job status')).toHaveText('paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.getByLabel('Job status')).toHaveText('running');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByLabel('Job status')).toHaveText('cancelled');
    await clearFaults(request);
    const jobId = new URL(page.url()).searchParams.get('job') ?? '';
    const items = await jobItems(request, jobId);
    const cancelled = items.filter((i) => i.state === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    const after = await imageIds(request);
    for (const i of cancelled) expect(after.has(i.id)).toBe(true);
    expect(before.size - after.size).toBe(items.filter((i) => i.state === 'deleted').length);
    await expect(page.getByRole('table', { name: 'Job items' })).toContainText('cancelled before it started');
  });
});
