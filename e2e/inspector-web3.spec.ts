import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, test } from './fixtures';

test.describe('inspector', () => {
  test('the three-generation snapshot: ancestors, properties grouped by origin, diff against debian-12', async ({
    page,
  }) => {
    await page.goto(`/?selected=${DEMO_IDS.web3Snap}`);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect(inspector.getByRole('heading', { level: 2, name: 'web-3-snap' })).toBeVisible();
    await expect(inspector.getByRole('code')).toHaveText(DEMO_IDS.web3Snap);

    const ancestors = inspector.getByRole('list', { name: 'Ancestors' });
    const names = await ancestors.getByRole('button').allTextContents();
    const images = names
      .map((n) => n.replace(/(snapshot|image|server)$/, ''))
      .filter((n) => !/^web-\d$/.test(n));
    expect(images).toEqual(['web-2-snap', 'web-1-snap', 'debian-12']);
    await expect(inspector.getByRole('list', { name: 'Parent' })).toContainText('web-3');

    const nova = inspector.getByRole('region', { name: 'Nova-set properties' });
    await expect(nova.getByText('base_image_ref', { exact: true })).toBeVisible();
    await expect(nova.getByText('instance_uuid', { exact: true })).toBeVisible();
    await expect(nova.getByText(DEMO_IDS.web3, { exact: true })).toBeVisible();
    await expect(nova.getByText(DEMO_IDS.debian12, { exact: true })).toBeVisible();
    const inherited = inspector.getByRole('region', { name: 'Inherited properties' });
    await expect(inherited.getByText('os_distro', { exact: true })).toBeVisible();
    await expect(inherited.getByText('debian', { exact: true })).toBeVisible();
    await expect(nova.getByText('os_distro', { exact: true })).toHaveCount(0);
    await expect(
      inspector.getByRole('region', { name: 'Glance properties' }).getByText('checksum', { exact: true }),
    ).toBeVisible();

    const diff = inspector.getByRole('region', { name: 'Diff against base debian-12' });
    const added = diff.getByRole('row').filter({ hasText: 'instance_uuid' });
    await expect(added).toContainText('added');
    await expect(added).toContainText(DEMO_IDS.web3);
    await expect(diff.getByRole('row').filter({ hasText: /^os_distro/ })).toHaveCount(0);
  });

  test('clicking an ancestor selects it; the raw JSON and copy id work', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/?selected=${DEMO_IDS.web3Snap}`);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector
      .getByRole('list', { name: 'Ancestors' })
      .getByRole('button', { name: /^web-1-snap/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`selected=${DEMO_IDS.web1Snap}`));
    await expect(inspector.getByRole('heading', { level: 2, name: 'web-1-snap' })).toBeVisible();
    await expect(inspector.getByRole('list', { name: 'Servers booting from it' })).toContainText('web-2');
    await expect(inspector.getByRole('list', { name: 'Facts and reasons' })).toContainText('protected');

    await inspector.getByRole('button', { name: 'Copy id' }).click();
    await expect(inspector.getByRole('status').first()).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(DEMO_IDS.web1Snap);

    await inspector.getByText('Raw JSON', { exact: true }).click();
    const raw = JSON.parse((await inspector.getByLabel('Raw JSON').textContent()) ?? '') as Record<
      string,
      unknown
    >;
    expect(raw.id).toBe(DEMO_IDS.web1Snap);
    expect(raw.base_image_ref).toBe(DEMO_IDS.debian12);

    await page.goBack();
    await expect(inspector.getByRole('heading', { level: 2, name: 'web-3-snap' })).toBeVisible();
    await inspector.getByRole('button', { name: 'Close inspector' }).click();
    await expect(inspector).toHaveCount(0);
  });

  test('an orphan’s inspector says why in words', async ({ page }) => {
    await page.goto(`/?selected=${DEMO_IDS.tmp1Snap}`);
    const facts = page
      .getByRole('complementary', { name: 'Inspector' })
      .getByRole('list', { name: 'Facts and reasons' });
    await expect(facts.getByText('orphan', { exact: true })).toBeVisible();
    await expect(facts).toContainText(/its server tmp-1 \(2f84eac3\) was deleted/);
  });

  test('a hostile image name is shown as text in the inspector and runs nothing', async ({
    page,
    dialogs,
  }) => {
    await page.goto(`/?selected=${DEMO_IDS.xssName}`);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(
      '<script>alert(1)</script> release notes',
    );
    await expect(inspector.getByText('<img src=x onerror=alert(2)>', { exact: true })).toBeVisible();
    expect(dialogs).toEqual([]);
  });
});
