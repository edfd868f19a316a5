/**
 * The inspector on a real cloud: the member selects the third generation of the seeded chain in the graph
 * and the inspector shows its ancestors in order (real Nova gives every snapshot the chain's ROOT as
 * base_image_ref, so the order comes from instance_uuid → server → its boot image), the properties Nova set
 * and the ones it inherited from the base image.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Fixtures } from '../../src/contract/fixtures-types';
import { ENV } from '../../src/contract/real-cloud';

function fixtures(): Fixtures {
  const file = process.env[ENV.fixturesFile];
  if (!file) throw new Error(`${ENV.fixturesFile} is not set: the global setup did not run`);
  return JSON.parse(readFileSync(file, 'utf8')) as Fixtures;
}

test('selecting the three-generation snapshot shows its ancestors in order and its Nova-set and inherited properties', async ({
  page,
}) => {
  const f = fixtures();
  const [snap1, snap2, snap3] = f.chain.snapshots;
  const server3 = f.chain.servers[2];
  if (!snap1 || !snap2 || !snap3 || !server3) throw new Error('the chain fixture is incomplete');

  await page.goto('/');
  const node = page.locator(`.react-flow__node[data-id="${snap3}"]`);
  await expect(node).toBeVisible({ timeout: 60_000 });
  const fit = page.locator('.react-flow__controls-fitview');
  if (await fit.count()) await fit.first().click();
  await node.click();
  await expect(page).toHaveURL(new RegExp(`selected=${snap3}`));

  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 2, name: `${f.prefix}chain-3-snap` })).toBeVisible();
  await expect(inspector.getByRole('code')).toHaveText(snap3);

  const names = await inspector
    .getByRole('list', { name: 'Ancestors' })
    .getByRole('button')
    .allTextContents();
  const images = names
    .map((n) => n.replace(/(snapshot|image|server)$/, ''))
    .filter((n) => !/chain-\d$/.test(n));
  expect(images).toEqual([`${f.prefix}chain-2-snap`, `${f.prefix}chain-1-snap`, f.base.name]);
  await expect(inspector.getByRole('list', { name: 'Parent' })).toContainText(`${f.prefix}chain-3`);

  const nova = inspector.getByRole('region', { name: 'Nova-set properties' });
  await expect(nova.getByText('instance_uuid', { exact: true })).toBeVisible();
  await expect(nova.getByText(server3, { exact: true })).toBeVisible();
  await expect(nova.getByText('base_image_ref', { exact: true })).toBeVisible();
  await expect(nova.getByText(f.base.id, { exact: true })).toBeVisible();
  await expect(nova.getByText('image_type', { exact: true })).toBeVisible();

  const inherited = inspector.getByRole('region', { name: 'Inherited properties' });
  for (const [key, value] of Object.entries(f.base.properties)) {
    await expect(inherited.getByText(key, { exact: true })).toBeVisible();
    await expect(inherited.getByText(value, { exact: true }).first()).toBeVisible();
    await expect(nova.getByText(key, { exact: true })).toHaveCount(0);
  }
});
