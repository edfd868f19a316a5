import { readFile } from 'node:fs/promises';
import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, test } from './fixtures';

test('audit log: a UI mutation and a refused one are listed, filterable, and exported as JSON lines', async ({
  page,
  request,
}) => {
  await page.goto(`/?selected=${DEMO_IDS.web3Snap}`);
  const actions = page.getByRole('complementary', { name: 'Actions' });
  const tag = `audit-${Date.now()}`;
  await actions.getByLabel('New tag').fill(tag);
  await actions.getByRole('button', { name: 'Add tag' }).click();
  await expect(actions.getByRole('list', { name: 'Tags' })).toContainText(tag);
  // A request without the app header (what a foreign page could send) is refused and audited.
  expect((await request.delete(`/api/image/v2/images/${DEMO_IDS.cirros}`)).status()).toBe(403);

  await page.getByRole('button', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/view=audit/);
  const table = page.getByRole('table', { name: 'Audit entries' });
  await page.getByLabel('Search the audit log').fill(tag);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('image.tag.add');
  await expect(table).toContainText(/ok \(204\)/);
  await page.getByLabel('Search the audit log').fill(DEMO_IDS.cirros);
  await page.getByLabel('Outcome').selectOption('refused');
  await expect(table).toContainText('csrf_rejected');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export (JSON lines)' }).click();
  const file = await (await download).path();
  const lines = (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { targets: string[]; action: string });
  expect(lines.some((l) => l.action === 'image.tag.add' && l.targets.includes(tag))).toBe(true);
});
