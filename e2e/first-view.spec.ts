import { DEMO_IDS, XSS_IMAGE_NAME } from '../src/sim/scenarios';
import { expect, lineageNode, nodeById, test } from './fixtures';

test.describe('first view of the demo cloud', () => {
  test('shows the demo badge, the session and the base image with its three-generation chain', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByText('Demo cloud (built-in simulator)')).toBeVisible();
    const session = page.getByRole('definition').filter({ hasText: 'admin' }).first();
    await expect(session).toBeVisible();

    await expect(lineageNode(page, 'image', 'debian-12')).toBeVisible();
    const chain = [
      DEMO_IDS.web1,
      DEMO_IDS.web1Snap,
      DEMO_IDS.web2,
      DEMO_IDS.web2Snap,
      DEMO_IDS.web3,
      DEMO_IDS.web3Snap,
    ];
    for (const id of chain) await expect(nodeById(page, id)).toBeVisible();
    await expect(nodeById(page, DEMO_IDS.web2Snap)).toContainText('web-2-snap');

    // Every generation is linked to the next: server → its snapshot, snapshot → the server booted from it.
    const link = (label: string, from: string, to: string) =>
      page.getByRole('img', { name: `${label}: ${from} to ${to}`, exact: true });
    await expect(link('booted from', DEMO_IDS.debian12, DEMO_IDS.web1)).toBeAttached();
    await expect(link('snapshot of', DEMO_IDS.web1, DEMO_IDS.web1Snap)).toBeAttached();
    await expect(link('booted from', DEMO_IDS.web1Snap, DEMO_IDS.web2)).toBeAttached();
    await expect(link('snapshot of', DEMO_IDS.web2, DEMO_IDS.web2Snap)).toBeAttached();
    await expect(link('booted from', DEMO_IDS.web2Snap, DEMO_IDS.web3)).toBeAttached();
    await expect(link('snapshot of', DEMO_IDS.web3, DEMO_IDS.web3Snap)).toBeAttached();
  });

  test('an orphaned snapshot carries an orphan badge whose reason the details panel spells out', async ({
    page,
  }) => {
    await page.goto('/');
    const orphan = nodeById(page, DEMO_IDS.tmp1Snap);
    const badge = orphan.getByText('orphan', { exact: true });
    await expect(badge).toBeVisible();
    await expect(badge).toHaveAttribute('title', /tmp-1/);

    await orphan.click();
    const details = page.getByRole('complementary', { name: 'Inspector' });
    await expect(details.getByRole('heading', { name: 'tmp-1-snap' })).toBeVisible();
    await expect(details.getByText(DEMO_IDS.tmp1Snap, { exact: true }).first()).toBeVisible();
    const reason = (await badge.getAttribute('title')) ?? '';
    expect(reason.length).toBeGreaterThan(10);
    await expect(details.getByRole('list', { name: 'Facts and reasons' })).toContainText(reason);
    await expect(page).toHaveURL(new RegExp(`selected=${DEMO_IDS.tmp1Snap}`));
  });

  test('an image named with a <script> tag shows the name as text and runs nothing', async ({
    page,
    dialogs,
  }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: /search/i }).fill('release notes');
    await page.getByRole('searchbox', { name: /search/i }).press('Enter');
    const node = nodeById(page, DEMO_IDS.xssName);
    await expect(node).toBeVisible();
    await expect(node).toContainText(XSS_IMAGE_NAME);
    await expect(
      page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { level: 2 }),
    ).toHaveText(XSS_IMAGE_NAME);
    expect(await node.locator('script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
