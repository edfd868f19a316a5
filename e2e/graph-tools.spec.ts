import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, lineageNode, nodeById, test } from './fixtures';

test.describe('graph tools', () => {
  // A desktop view: the selection opens the inspector column next to the graph.
  test.use({ viewport: { width: 1680, height: 1000 } });

  test('search by name focuses and selects the match, and the URL keeps it', async ({ page }) => {
    await page.goto('/');
    const search = page.getByRole('searchbox', { name: /search/i });
    await search.fill('WEB-3-SNAP');
    const status = page.getByRole('search').getByRole('status');
    await expect(status).toHaveText('1 match');
    await search.press('Enter');
    await expect(status).toHaveText('1 of 1');
    const details = page.getByRole('complementary', { name: 'Inspector' });
    await expect(details.getByRole('heading', { level: 2 })).toHaveText('web-3-snap');
    await expect(nodeById(page, DEMO_IDS.web3Snap)).toBeInViewport();
    await expect(page).toHaveURL(new RegExp(`q=WEB-3-SNAP.*selected=${DEMO_IDS.web3Snap}`));
  });

  test('search by key=value finds images by property and steps through the matches', async ({ page }) => {
    await page.goto('/');
    const search = page.getByRole('searchbox', { name: /search/i });
    await search.fill('os_distro=windows');
    const status = page.getByRole('search').getByRole('status');
    await expect(status).toHaveText(/^[2-9] matches$/);
    await search.press('Enter');
    await expect(status).toHaveText(/^1 of/);
    const first = new URL(page.url()).searchParams.get('selected');
    expect(first).not.toBeNull();
    await expect(nodeById(page, first ?? '')).toBeInViewport();
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect(status).toHaveText(/^2 of/);
    expect(new URL(page.url()).searchParams.get('selected')).not.toBe(first);
  });

  test('a fact filter keeps the matches with their ancestors and survives a reload', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Fact' }).selectOption('orphan');
    await expect(page).toHaveURL(/fact=orphan/);
    await expect(nodeById(page, DEMO_IDS.tmp1Snap)).toBeVisible();
    await expect(nodeById(page, DEMO_IDS.tmp1Deleted)).toBeVisible();
    await expect(nodeById(page, DEMO_IDS.cirros)).toBeVisible();
    await expect(nodeById(page, DEMO_IDS.web3Snap)).toHaveCount(0);
    await expect(page.getByText(/^\d+ of \d+ nodes$/)).toBeVisible();

    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Fact' })).toHaveValue('orphan');
    await expect(nodeById(page, DEMO_IDS.web3Snap)).toHaveCount(0);
    await expect(nodeById(page, DEMO_IDS.tmp1Snap)).toBeVisible();
  });

  test('selecting a node highlights its ancestors and descendants only', async ({ page }) => {
    await page.goto('/');
    await nodeById(page, DEMO_IDS.web2).click();
    for (const id of [
      DEMO_IDS.debian12,
      DEMO_IDS.web1Snap,
      DEMO_IDS.web2,
      DEMO_IDS.web2Snap,
      DEMO_IDS.web3Snap,
    ])
      await expect(nodeById(page, id)).toHaveClass(/is-related/);
    await expect(nodeById(page, DEMO_IDS.cirros)).not.toHaveClass(/is-related/);
    await expect(page.locator('.lineage-canvas')).toHaveClass(/has-selection/);

    await page.getByRole('button', { name: 'Close inspector' }).click();
    await expect(page.locator('.lineage-canvas')).not.toHaveClass(/has-selection/);
  });

  test('a shared link with a selection opens on that node with its details', async ({ page }) => {
    await page.goto(`/?selected=${DEMO_IDS.web3Snap}`);
    await expect(
      page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { level: 2 }),
    ).toHaveText('web-3-snap');
    await expect(lineageNode(page, 'snapshot', 'web-3-snap')).toBeInViewport();
  });

  test('dark mode switches the page and the canvas, and is remembered', async ({ page }) => {
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveClass(/dark/);
    await expect(page.locator('.react-flow')).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/dark/);
  });

  test('a subtree folds away and back, from the details panel or by double-click', async ({ page }) => {
    await page.goto('/');
    await nodeById(page, DEMO_IDS.web1Snap).click();
    await page.getByRole('button', { name: 'Collapse subtree' }).click();
    await expect(nodeById(page, DEMO_IDS.web3Snap)).toHaveCount(0);
    await expect(nodeById(page, DEMO_IDS.web2)).toHaveCount(0);
    await expect(nodeById(page, DEMO_IDS.web1Snap)).toContainText(/\d+ hidden/);
    await expect(page).toHaveURL(new RegExp(`collapsed=${DEMO_IDS.web1Snap}`));

    await page.getByRole('button', { name: 'Expand subtree' }).click();
    await expect(nodeById(page, DEMO_IDS.web3Snap)).toBeVisible();

    await nodeById(page, DEMO_IDS.web2).dblclick();
    await expect(nodeById(page, DEMO_IDS.web3Snap)).toHaveCount(0);
    await expect(nodeById(page, DEMO_IDS.web2)).toContainText(/\d+ hidden/);
  });

  test('a node can be selected from the keyboard', async ({ page }) => {
    await page.goto('/');
    await nodeById(page, DEMO_IDS.web2Snap).focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { level: 2 }),
    ).toHaveText('web-2-snap');
  });
});
