import { expect, test } from './fixtures';

test.describe('insights', () => {
  test('storage per family names the families, with bytes and reclaimable orphans', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Insights' }).click();
    await expect(page).toHaveURL(/view=insights/);
    const storage = page.getByRole('figure', { name: 'Storage per lineage family' });
    const plot = storage.getByRole('img', { name: /Storage per lineage family/ });
    await expect(plot).toBeVisible();
    for (const family of ['debian-12', 'cirros-0.6', 'ubuntu-22.04', 'windows-server-2022'])
      await expect(plot.locator('text', { hasText: family }).first()).toBeVisible();
    await expect(plot.locator('text', { hasText: 'Image bytes' })).toBeVisible();

    await storage.getByText('Data as a table').click();
    const data = storage.getByRole('table', { name: 'Storage per lineage family: data' });
    const debian = data.getByRole('row').filter({ hasText: /^debian-12/ });
    await expect(debian).toBeVisible();
    // debian-12 carries three generations of web snapshots and nightlies: more than one image.
    const debianImages = Number(await debian.getByRole('cell').nth(1).textContent());
    expect(debianImages).toBeGreaterThan(4);
    // tmp-1-snap (an orphan, deletable) hangs under cirros-0.6: something there is reclaimable.
    const cirros = data.getByRole('row').filter({ hasText: /^cirros-0\.6/ });
    expect(Number(await cirros.getByRole('cell').nth(3).textContent())).toBeGreaterThanOrEqual(1);
    await expect(cirros.getByRole('cell').nth(4)).not.toHaveText('0 B');
  });

  test('snapshots over time, per month or per week (kept in the URL), following the filters', async ({
    page,
  }) => {
    await page.goto('/?view=insights');
    const fig = page.getByRole('figure', { name: 'Snapshots created over time' });
    await expect(fig.getByRole('img', { name: /Snapshots created over time/ })).toBeVisible();
    await fig.getByText('Data as a table').click();
    const data = fig.getByRole('table', { name: 'Snapshots created over time: data' });
    // web-1-snap, web-2-snap and web-3-snap were all taken in February 2026.
    const feb = data.getByRole('row').filter({ hasText: /^2026-02/ });
    expect(Number(await feb.getByRole('cell').nth(1).textContent())).toBeGreaterThanOrEqual(3);

    await fig.getByLabel('Count per').selectOption('week');
    await expect(page).toHaveURL(/per=week/);
    await expect(data.getByRole('columnheader', { name: 'Week of' })).toBeVisible();
    for (const monday of ['2026-02-02', '2026-02-09', '2026-02-16'])
      expect(
        Number(
          await data.getByRole('row').filter({ hasText: monday }).getByRole('cell').nth(1).textContent(),
        ),
      ).toBeGreaterThanOrEqual(1);

    const weeks = await data.getByRole('row').count();
    await page.getByLabel('Tag').selectOption('nightly');
    await expect.poll(() => data.getByRole('row').count()).toBeLessThan(weeks);
    await expect(
      page.getByRole('figure', { name: 'Storage per lineage family' }).getByRole('img'),
    ).not.toContainText('windows-server-2022');
  });

  test('the plots read in dark mode: text uses the theme’s colour', async ({ page }) => {
    await page.goto('/?view=insights');
    await page.getByRole('button', { name: 'Dark mode' }).click();
    const plot = page.getByRole('img', { name: /Storage per lineage family/ });
    const label = plot.locator('text', { hasText: 'debian-12' }).first();
    await expect(label).toBeVisible();
    const fill = await label.evaluate((el) => getComputedStyle(el).fill);
    // currentColor of a light slate on a dark background.
    const [r = 0, g = 0, b = 0] = (fill.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeGreaterThan(450);
  });
});
