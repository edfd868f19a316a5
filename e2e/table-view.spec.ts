import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, test } from './fixtures';

test.describe('table view', () => {
  test('sorts by a column both ways, and keeps the sort in the URL', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Table' }).click();
    await expect(page).toHaveURL(/view=table/);
    const grid = page.getByRole('grid', { name: 'Lineage table' });
    const firstRow = grid.locator('[role=row][aria-rowindex="2"]');

    await grid.getByRole('button', { name: /^Name/ }).click();
    await expect(grid.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect(firstRow).toHaveAttribute('aria-label', 'image <script>alert(1)</script> release notes');
    await grid.getByRole('button', { name: /^Name/ }).click();
    await expect(grid.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(firstRow).not.toHaveAttribute('aria-label', /script/);

    await grid.getByRole('button', { name: /^Size/ }).click();
    await expect(grid.getByRole('columnheader', { name: /^Size/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(firstRow).toHaveAttribute('aria-label', 'image windows-server-2022');
    await expect(page).toHaveURL(/sort=size-desc/);
    await page.reload();
    await expect(firstRow).toHaveAttribute('aria-label', 'image windows-server-2022');

    const rowCount = Number(await grid.getAttribute('aria-rowcount')) - 1;
    const rendered = await grid.locator('[role=row][aria-rowindex]').count();
    expect(rowCount).toBeGreaterThan(40);
    // Virtualized: only the rows in view (plus a few) are in the DOM.
    expect(rendered).toBeLessThan(rowCount);
  });

  test('uses the graph’s filters; selecting a row selects the node, kept across the graph ⇄ table switch', async ({
    page,
  }) => {
    await page.goto('/?view=table');
    const grid = page.getByRole('grid', { name: 'Lineage table' });
    const allRows = Number(await grid.getAttribute('aria-rowcount'));
    await page.getByLabel('Kind').selectOption('snapshot');
    await expect(page).toHaveURL(/kind=snapshot/);
    // The same filter as the graph: snapshots and their ancestors, fewer rows than the whole cloud.
    await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount'))).toBeLessThan(allRows);
    // The graph's search works here too: Enter selects the first match and scrolls its row into view.
    await page.getByRole('searchbox', { name: /search/i }).fill('web-3-snap');
    await page.getByRole('searchbox', { name: /search/i }).press('Enter');
    const row = grid.getByRole('row', { name: 'snapshot web-3-snap' });
    await expect(row).toBeInViewport();
    await expect(page).toHaveURL(new RegExp(`selected=${DEMO_IDS.web3Snap}`));
    // An admin looking at every project gets no `foreign` badge on each row (the inspector keeps the fact).
    await expect(row).not.toContainText('foreign');

    // Clicking another row selects that node; clicking back selects this one again.
    const index = Number(await row.getAttribute('aria-rowindex'));
    const other = grid.locator(`[role=row][aria-rowindex="${index === 2 ? 3 : index - 1}"]`);
    const otherName = (await other.getAttribute('aria-label')) ?? '';
    expect(otherName).not.toBe('snapshot web-3-snap');
    await other.click();
    await expect(page).not.toHaveURL(new RegExp(`selected=${DEMO_IDS.web3Snap}`));
    await expect(other).toHaveAttribute('aria-selected', 'true');
    await row.click();
    await expect(page).toHaveURL(new RegExp(`selected=${DEMO_IDS.web3Snap}`));
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await expect(other).toHaveAttribute('aria-selected', 'false');
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect(inspector.getByRole('heading', { level: 2, name: 'web-3-snap' })).toBeVisible();
    await expect(inspector).toContainText('foreign');

    // Arrow keys move the selection along the rows.
    await page.keyboard.press('ArrowDown');
    await expect(page).not.toHaveURL(new RegExp(`selected=${DEMO_IDS.web3Snap}`));
    await page.keyboard.press('ArrowUp');
    await expect(page).toHaveURL(new RegExp(`selected=${DEMO_IDS.web3Snap}`));

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Graph' }).click();
    await expect(page).not.toHaveURL(/view=table/);
    await expect(page).toHaveURL(/kind=snapshot/);
    await expect(page.locator(`.react-flow__node[data-id="${DEMO_IDS.web3Snap}"]`)).toBeVisible();
    await expect(inspector.getByRole('heading', { level: 2, name: 'web-3-snap' })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/view=table/);
    await expect(grid.getByRole('row', { name: 'snapshot web-3-snap' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  test('a selection from a link scrolls its row into view', async ({ page }) => {
    await page.goto(`/?view=table&sort=name-asc&selected=${DEMO_IDS.web3Snap}`);
    const row = page
      .getByRole('grid', { name: 'Lineage table' })
      .getByRole('row', { name: 'snapshot web-3-snap' });
    await expect(row).toBeInViewport();
    await expect(row).toHaveAttribute('aria-selected', 'true');
  });
});
