import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, nodeById, test } from './fixtures';

const APP = { 'X-Glance-Lineage': '1' };

test.describe('loading and failures', () => {
  test('a failing Glance shows its error with a request id in the graph panel only, and Retry recovers', async ({
    page,
    request,
  }) => {
    const set = await request.post('/api/_sim/faults', {
      headers: APP,
      data: { errorRate: 1, services: ['image'], methods: ['GET'] },
    });
    expect(set.ok()).toBe(true);
    await page.goto('/');
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load images from Glance' });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(alert).toContainText(/HTTP 5\d\d/);
    await expect(alert).toContainText('request id');
    await expect(page.getByText('Demo cloud (built-in simulator)')).toBeVisible();

    await request.post('/api/_sim/faults', { headers: APP, data: {} });
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(nodeById(page, DEMO_IDS.web3Snap)).toBeVisible();
    await expect(alert).toHaveCount(0);
  });

  test('when the dashboard’s own code cannot be loaded, the page says so instead of staying blank', async ({
    page,
  }) => {
    await page.route(/\/assets\/app-[^/]*\.js$/, (route) => route.abort());
    await page.goto('/');
    await expect(page.locator('#root')).toContainText("The dashboard's code could not be loaded");
    await expect(page.locator('#root')).toContainText('Reload the page.');
  });

  test('while a slow Nova answers, the loading message counts what has arrived', async ({
    page,
    request,
  }) => {
    await request.post('/api/_sim/faults', {
      headers: APP,
      data: { latencyMs: 1500, services: ['compute'] },
    });
    await page.goto('/');
    await expect(
      page.getByRole('status').filter({ hasText: /Loading images and servers… \d+ images/ }),
    ).toBeVisible();
    await expect(nodeById(page, DEMO_IDS.web3Snap)).toBeVisible({ timeout: 20_000 });
  });
});
