import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, test } from './fixtures';

test.describe('sharing a view', () => {
  test('copies a link that reopens the same selection and filters', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/?kind=snapshot&selected=${DEMO_IDS.web2Snap}`);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('kind=snapshot');

    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByRole('combobox', { name: 'Kind' })).toHaveValue('snapshot');
    await expect(
      other.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { level: 2 }),
    ).toHaveText('web-2-snap');
  });
});
