import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, lineageNode, test } from './fixtures';

test.describe('live while something is transitional', () => {
  test('a snapshot taken outside the app goes from saving to active on screen, then the polling stops', async ({
    page,
  }) => {
    const listings: number[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/image/v2/images')) listings.push(Date.now());
    });
    await page.goto('/');
    await expect(lineageNode(page, 'server', 'ops-bastion')).toBeVisible();

    // Nothing is transitional (the demo's long-queued empty image counts as stuck): no polling.
    const idleFrom = listings.length;
    await page.waitForTimeout(4_000);
    expect(listings.length - idleFrom).toBe(0);

    // Someone takes a snapshot with the CLI; the app is reloaded while Nova is still saving it.
    const res = await page.evaluate(async (id) => {
      const r = await fetch(`/api/compute/servers/${id}/action`, {
        method: 'POST',
        headers: { 'X-Glance-Lineage': '1', 'Content-Type': 'application/json' },
        body: JSON.stringify({ createImage: { name: 'bastion-live-snap' } }),
      });
      return r.status;
    }, DEMO_IDS.opsBastion);
    expect(res).toBe(202);
    await page.goto(`/?selected=${DEMO_IDS.opsBastion}`);
    const snap = lineageNode(page, 'snapshot', 'bastion-live-snap');
    await expect(snap).toBeVisible();
    await expect(snap).toContainText(/queued|saving/);

    // No reload, no click: the polling brings the end state.
    await expect(snap).toContainText('active', { timeout: 15_000 });
    await expect(snap).not.toContainText(/queued|saving/);

    // Settled: the polling stops.
    await page.waitForTimeout(1_000);
    const settledFrom = listings.length;
    await page.waitForTimeout(7_000);
    expect(listings.length - settledFrom).toBe(0);
  });
});
