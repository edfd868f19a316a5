/** Runs only in the `read-only` Playwright project, against a server started with `--read-only`. */
import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, nodeById, test } from './fixtures';

const REASON = 'Read-only mode: the proxy refuses every change, so actions are disabled.';

test.describe('read-only mode', () => {
  test('the header says Read-only and every action on an image is disabled with the reason', async ({
    page,
  }) => {
    await page.goto(`/?selected=${DEMO_IDS.web3Snap}`);
    await expect(page.getByRole('banner').getByText('Read-only', { exact: true })).toBeVisible();
    const actions = page.getByRole('complementary', { name: 'Actions' });
    await expect(actions.getByRole('note')).toHaveText(REASON);
    for (const name of ['Delete…', 'Plan conversion…', 'Add tag', 'Copy', 'Remove tag nightly']) {
      const button = actions.getByRole('button', { name, exact: true });
      await expect(button).toBeDisabled();
    }
    await expect(actions.getByRole('button', { name: 'Delete…', exact: true })).toHaveAttribute(
      'title',
      REASON,
    );
  });

  test('a server cannot be snapshotted and the cleanup cannot delete or tag', async ({ page }) => {
    await page.goto('/');
    await nodeById(page, DEMO_IDS.web3).click();
    const actions = page.getByRole('complementary', { name: 'Actions' });
    await expect(actions.getByRole('note')).toHaveText(REASON);
    await expect(actions.getByRole('button', { name: 'Create snapshot' })).toBeDisabled();

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Cleanup' }).click();
    await expect(page.getByLabel('Dry run summary')).toContainText(/would be deleted/);
    await expect(page.getByRole('note').first()).toHaveText(REASON);
    await expect(page.getByRole('button', { name: /^Delete \d+ images?$/ })).toBeDisabled();
  });

  test('the proxy itself refuses a DELETE from the page with 403 read_only', async ({ page }) => {
    await page.goto('/');
    await expect(nodeById(page, DEMO_IDS.tmp1Snap)).toBeVisible();
    const answer = await page.evaluate(async (id) => {
      const res = await fetch(`/api/image/v2/images/${id}`, {
        method: 'DELETE',
        headers: { 'X-Glance-Lineage': '1' },
      });
      return { status: res.status, body: (await res.json()) as { code: string; message: string } };
    }, DEMO_IDS.tmp1Snap);
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('read_only');

    // Nothing was deleted: the image is still listed after a reload.
    await page.reload();
    await expect(nodeById(page, DEMO_IDS.tmp1Snap)).toBeVisible();
  });
});
