import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, nodeById, test } from './fixtures';

test.describe('graph layout at 1280 × 800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the toolbar stays on one line with a node selected, and the actions never cover the graph', async ({
    page,
  }) => {
    await page.goto(`/?selected=${DEMO_IDS.web2Snap}`);
    await expect(nodeById(page, DEMO_IDS.web2Snap)).toBeVisible();
    const toolbar = page.getByRole('toolbar', { name: 'Graph tools' });
    await expect(toolbar.getByRole('button', { name: 'Collapse subtree' })).toBeVisible();
    const tops = await toolbar.evaluate((el) =>
      [...el.children].map((c) => Math.round(c.getBoundingClientRect().top)),
    );
    // Items of one row differ by a few pixels at most (centred); a second row starts ~35 px lower.
    expect(Math.max(...tops) - Math.min(...tops), `toolbar items at ${tops.join(', ')}`).toBeLessThan(12);

    const actions = page.getByRole('complementary', { name: 'Actions' });
    await expect(actions).toBeVisible();
    const canvas = await page.locator('.react-flow').boundingBox();
    const panel = await actions.boundingBox();
    expect(canvas && panel).toBeTruthy();
    if (canvas && panel) expect(panel.x).toBeGreaterThanOrEqual(canvas.x + canvas.width - 1);
  });
});
