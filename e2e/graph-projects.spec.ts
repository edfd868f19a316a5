import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, nodeById, test } from './fixtures';

test.describe('project names for an admin looking at every project', () => {
  test('the project filter, the inspector, the node tooltip and the table name projects', async ({
    page,
  }) => {
    await page.goto('/');
    const filter = page.getByRole('combobox', { name: 'Project' });
    await expect(filter.getByRole('option')).toHaveText(['All projects', 'admin', 'alt', 'demo']);

    await filter.selectOption({ label: 'alt' });
    await expect(nodeById(page, DEMO_IDS.altApp1Snap)).toBeVisible();
    await expect(nodeById(page, DEMO_IDS.web2Snap)).toHaveCount(0);
    await filter.selectOption({ label: 'All projects' });

    const card = nodeById(page, DEMO_IDS.web2Snap);
    await expect(card.getByText('web-2-snap', { exact: true })).toHaveAttribute(
      'title',
      /Project: demo \(2c72c112…\)/,
    );
    await card.click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect(inspector.locator('dl[aria-label="Core fields"]')).toContainText('demo (2c72c112…)');
    await expect(inspector.getByRole('list', { name: 'Facts and reasons' })).toContainText(
      'owned by project demo, not by your project admin',
    );

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Table' }).click();
    const row = page.getByRole('row', { name: /^snapshot web-2-snap$/i });
    await expect(row.getByRole('gridcell').nth(3)).toHaveText('demo');
  });

  test('the foreign badge stays off the cards and in the inspector with its reason', async ({ page }) => {
    await page.goto('/');
    const card = nodeById(page, DEMO_IDS.web2Snap);
    await expect(card.getByText('in use', { exact: true })).toBeVisible();
    await expect(card.getByText('foreign', { exact: true })).toHaveCount(0);
    await expect(page.locator('.react-flow__node').getByText('foreign', { exact: true })).toHaveCount(0);

    await card.click();
    const facts = page
      .getByRole('complementary', { name: 'Inspector' })
      .getByRole('list', { name: 'Facts and reasons' });
    await expect(facts.getByText('foreign', { exact: true })).toBeVisible();
  });
});
