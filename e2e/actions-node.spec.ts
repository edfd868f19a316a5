import { DEMO_IDS } from '../src/sim/scenarios';
import { clearFaults, imageIds } from './actions-helpers';
import { expect, nodeById, test } from './fixtures';

test.describe('actions on one node', () => {
  test.beforeEach(async ({ request }) => {
    await clearFaults(request);
  });

  test('delete an orphan: impact first, plain confirmation, gone from the graph and in the audit log', async ({
    page,
    request,
  }) => {
    await page.goto(`/?selected=${DEMO_IDS.tmp1Snap}`);
    const actions = page.getByRole('complementary', { name: 'Actions' });
    await actions.getByRole('button', { name: 'Delete…' }).click();
    const impact = actions.getByLabel('Deletion impact');
    await expect(impact).toContainText('No server boots from it.');
    await expect(impact).toContainText('Nothing descends from it.');
    await actions.getByRole('button', { name: 'Delete this image' }).click();
    await expect(nodeById(page, DEMO_IDS.tmp1Snap)).toHaveCount(0);
    expect((await imageIds(request)).has(DEMO_IDS.tmp1Snap)).toBe(false);
    await page.getByRole('button', { name: 'Audit log' }).click();
    await page.getByLabel('Search the audit log').fill(DEMO_IDS.tmp1Snap);
    await expect(page.getByRole('table', { name: 'Audit entries' })).toContainText('image.delete');
  });

  test('a protected family root: unprotect step first, then type the name', async ({ page, request }) => {
    await page.goto(`/?selected=${DEMO_IDS.web2Snap}`);
    const actions = page.getByRole('complementary', { name: 'Actions' });
    await actions.getByRole('button', { name: 'Delete…' }).click();
    const impact = actions.getByLabel('Deletion impact');
    await expect(impact).toContainText(/Servers booting from it: web-3/);
    await expect(impact).toContainText(/family root/);
    const del = actions.getByRole('button', { name: 'Delete this image' });
    await expect(del).toBeDisabled();
    await actions.getByLabel('Type the image name to confirm').fill('web-2-sna');
    await expect(del).toBeDisabled();
    await actions.getByLabel('Type the image name to confirm').fill('web-2-snap');
    await expect(del).toBeEnabled();
    // web-1-snap is protected: the unprotect step comes before any delete button.
    await page.goto(`/?selected=${DEMO_IDS.web1Snap}`);
    await actions.getByRole('button', { name: 'Delete…' }).click();
    await expect(actions.getByRole('button', { name: 'Delete this image' })).toHaveCount(0);
    await actions.getByRole('button', { name: 'Unprotect' }).click();
    await expect(actions.getByLabel('Type the image name to confirm')).toBeVisible();
    expect((await imageIds(request)).has(DEMO_IDS.web1Snap)).toBe(true);
  });

  test("a shelved server's image cannot be deleted from here", async ({ page }) => {
    await page.goto(`/?selected=${DEMO_IDS.batch2Shelved}`);
    const actions = page.getByRole('complementary', { name: 'Actions' });
    await actions.getByRole('button', { name: 'Delete…' }).click();
    await expect(actions.getByRole('note')).toHaveText('This image cannot be deleted from here.');
    await expect(actions.getByRole('button', { name: 'Delete this image' })).toHaveCount(0);
  });

  test('tags: add and remove, filter by tag', async ({ page }) => {
    await page.goto(`/?selected=${DEMO_IDS.web3Snap}`);
    const actions = page.getByRole('complementary', { name: 'Actions' });
    const tags = actions.getByRole('list', { name: 'Tags' });
    await expect(tags).toContainText('release-candidate');
    await actions.getByLabel('New tag').fill('e2e-keep');
    await actions.getByRole('button', { name: 'Add tag' }).click();
    await expect(tags).toContainText('e2e-keep');
    await actions.getByRole('button', { name: 'Remove tag release-candidate' }).click();
    await expect(tags).not.toContainText('release-candidate');
    await tags.getByRole('button', { name: 'e2e-keep', exact: true }).click();
    await expect(page).toHaveURL(/tag=e2e-keep/);
    await expect(nodeById(page, DEMO_IDS.web3Snap)).toBeVisible();
    await expect(nodeById(page, DEMO_IDS.tmp1Snap)).toHaveCount(0);
  });

  test('convert to golden: the diff before, a refusal with its reason, then the applied conversion', async ({
    page,
    request,
  }) => {
    await page.goto(`/?selected=${DEMO_IDS.web3Nightly1}`);
    const actions = page.getByRole('complementary', { name: 'Actions' });
    await actions.getByRole('button', { name: 'Plan conversion…' }).click();
    const diff = actions.getByRole('table', { name: 'Golden conversion diff' });
    await expect(diff).toContainText(/−\s*instance_uuid/);
    await expect(diff).toContainText(/~\s*image_type\s*snapshot → golden/);
    await expect(diff).toContainText(/\+\s*glance_lineage_source_server/);
    await expect(diff).toContainText(/−\s*image_location/);
    // Someone else removes a property the plan removes: Glance answers 409 to the stale patch.
    const other = await request.patch(`/api/image/v2/images/${DEMO_IDS.web3Nightly1}`, {
      headers: { 'X-Glance-Lineage': '1', 'Content-Type': 'application/openstack-images-v2.1-json-patch' },
      data: JSON.stringify([{ op: 'remove', path: '/image_location' }]),
    });
    expect(other.ok()).toBe(true);
    await actions.getByRole('button', { name: 'Apply conversion' }).click();
    const alert = actions.getByRole('alert');
    await expect(alert).toContainText('Glance refused the conversion');
    await expect(alert).toContainText('HTTP 409');
    // The plan is made again from the image as it is now, and applies.
    await expect(diff).not.toContainText('image_location');
    await actions.getByRole('button', { name: 'Apply conversion' }).click();
    // A golden image is not offered the conversion again; Glance has the new properties.
    await expect(actions.getByRole('button', { name: 'Plan conversion…' })).toHaveCount(0);
    const after = (await (
      await request.get(`/api/image/v2/images/${DEMO_IDS.web3Nightly1}`)
    ).json()) as Record<string, unknown>;
    expect(after.image_type).toBe('golden');
    expect(after.instance_uuid).toBeUndefined();
    expect(after.glance_lineage_source_server).toBe(DEMO_IDS.web3);
    // The lineage survives: the node is still drawn in its family.
    await expect(nodeById(page, DEMO_IDS.web3Nightly1)).toBeVisible();
  });

  test('snapshot a server: queued → saving → active, then in the graph', async ({ page }) => {
    await page.goto(`/?selected=${DEMO_IDS.web3}`);
    const actions = page.getByRole('complementary', { name: 'Actions' });
    await actions.getByLabel('Snapshot name').fill('web-3-e2e-snap');
    await actions.getByRole('button', { name: 'Create snapshot' }).click();
    const status = actions.getByLabel('Snapshot status');
    await expect(status).toContainText(/queued|saving|active/);
    await expect(status).toContainText('active', { timeout: 20_000 });
    await page.getByRole('searchbox', { name: /search/i }).fill('web-3-e2e-snap');
    await expect(page.getByRole('search').getByRole('status')).toHaveText('1 match');
  });

  test('deployable copy: progress with bytes, a new image with provenance, status after a reload', async ({
    page,
    request,
  }) => {
    await page.goto(`/?selected=${DEMO_IDS.web2Snap}`);
    const actions = page.getByRole('complementary', { name: 'Actions' });
    await actions.getByLabel('Name of the copy').fill('web-2-e2e-copy');
    await actions.getByRole('button', { name: 'Copy' }).click();
    await expect(page).toHaveURL(/copyJob=job-/);
    const job = actions.getByLabel('Copy job');
    await expect(job).toContainText('done');
    await expect(job).toContainText(/224 KiB of 224 KiB/);
    await expect(actions.getByRole('progressbar', { name: 'Copy progress' })).toHaveAttribute(
      'aria-valuenow',
      '229376',
    );
    await page.reload();
    await expect(actions.getByLabel('Copy job')).toContainText('done');
    const list = (await (await request.get('/api/image/v2/images?limit=1000')).json()) as {
      images: Record<string, unknown>[];
    };
    const copy = list.images.find((i) => i.name === 'web-2-e2e-copy');
    expect(copy?.glance_lineage_source_image).toBe(DEMO_IDS.web2Snap);
    expect(copy?.status).toBe('active');
  });
});

test.describe('tags on a selection', () => {
  test('one tag added to and removed from every selected image, protected ones included', async ({
    page,
  }) => {
    await page.goto(`/?view=cleanup&selected=${DEMO_IDS.web3Snap}`);
    await page.getByRole('radio', { name: 'The current selection' }).check();
    const ids = page.getByLabel('Image ids');
    await expect(ids).toHaveValue(DEMO_IDS.web3Snap);
    await ids.fill(`${DEMO_IDS.web3Snap}\n${DEMO_IDS.web1Snap}`);
    await page.getByLabel('Tag for the selection').fill('sel-e2e');
    await page.getByRole('button', { name: 'Add to 2 images' }).click();
    await expect(page.getByLabel('Tag result')).toHaveText('2 done, 0 failed');
    await page.goto('/?tag=sel-e2e');
    await expect(nodeById(page, DEMO_IDS.web3Snap)).toBeVisible();
    await expect(nodeById(page, DEMO_IDS.web1Snap)).toBeVisible();
    await expect(nodeById(page, DEMO_IDS.tmp1Snap)).toHaveCount(0);
    await page.goto(`/?view=cleanup&selected=${DEMO_IDS.web3Snap}`);
    await page.getByRole('radio', { name: 'The current selection' }).check();
    await page.getByLabel('Image ids').fill(`${DEMO_IDS.web3Snap} ${DEMO_IDS.web1Snap}`);
    await page.getByLabel('Tag for the selection').fill('sel-e2e');
    await page.getByRole('button', { name: 'Remove from 2 images' }).click();
    await expect(page.getByLabel('Tag result')).toHaveText('2 done, 0 failed');
  });
});
