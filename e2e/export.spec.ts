import { readFile } from 'node:fs/promises';
import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, test } from './fixtures';

test.describe('share and export', () => {
  test('exports the filtered nodes as CSV with facts and reasons', async ({ page }) => {
    await page.goto('/?fact=orphan');
    await expect(page.getByText(/^\d+ of \d+ nodes$/)).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^glance-lineage-.*\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,name,kind,status,project,parent,root,created,size_bytes,facts');
    const orphanRow = lines.find((l) => l.startsWith(DEMO_IDS.tmp1Snap));
    expect(orphanRow).toContain('orphan: ');
    expect(lines.some((l) => l.startsWith(DEMO_IDS.web3Snap))).toBe(false);
  });

  test('exports the current view as a PNG', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const png = await readFile(await download.path());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5_000);
  });

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
      other.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 2 }),
    ).toHaveText('web-2-snap');
  });
});
