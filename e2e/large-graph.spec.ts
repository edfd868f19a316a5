import { expect, test } from './fixtures';

test.describe('a cloud with 10,000 images and 2,000 servers', () => {
  test.use({ scenario: 'generated', generated: { images: 10_000, servers: 2_000 } });

  test('opens on a readable region and mounts only the nodes in view', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText(/^\d{5} nodes$/)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    const mounted = await page.locator('.react-flow__node').count();
    expect(mounted).toBeGreaterThan(5);
    expect(mounted).toBeLessThan(300);
    await expect(page.getByRole('img', { name: 'Overview map' })).toBeVisible();
    // No control may mount the whole graph: no "fit view", and zooming out stops at a bounded zoom.
    await expect(page.getByRole('button', { name: 'Fit View' })).toHaveCount(0);
    const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
    while (await zoomOut.isEnabled()) await zoomOut.click();
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    expect(await page.locator('.react-flow__node').count()).toBeLessThan(600);
  });

  test('search reaches a node far outside the first view', async ({ page }) => {
    await page.goto('/');
    const search = page.getByRole('searchbox', { name: /search/i });
    await expect(page.getByText(/^\d{5} nodes$/)).toBeVisible({ timeout: 30_000 });
    await search.fill('snap-4');
    await expect(page.getByRole('search').getByRole('status')).toHaveText(/^\d{3,} matches$/);
    await page.getByRole('button', { name: 'Previous match' }).click();
    const id = new URL(page.url()).searchParams.get('selected') ?? '';
    expect(id).not.toBe('');
    await expect(page.locator(`.react-flow__node[data-id="${id}"]`)).toBeInViewport();
  });
});
