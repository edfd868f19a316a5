import { expect, test } from './fixtures';

const APP = { 'X-Glance-Lineage': '1' };

test('a failing Nova shows its error with a request id in the table view only, and Retry recovers', async ({
  page,
  request,
}) => {
  const set = await request.post('/api/_sim/faults', {
    headers: APP,
    data: { errorRate: 1, services: ['compute'], methods: ['GET'] },
  });
  expect(set.ok()).toBe(true);
  await page.goto('/?view=table');
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load servers from Nova' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText(/HTTP 5\d\d/);
  await expect(alert).toContainText(/request id \S+/);
  // The rest of the page stays: header, view tabs.
  await expect(page.getByText('Demo cloud (built-in simulator)')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();

  await request.post('/api/_sim/faults', { headers: APP, data: {} });
  await alert.getByRole('button', { name: 'Retry' }).first().click();
  const grid = page.getByRole('grid', { name: 'Lineage table' });
  await expect(grid).toBeVisible();
  await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount'))).toBeGreaterThan(40);
  await expect(alert).toHaveCount(0);
});
