/**
 * The app against a real cloud: the lineage the real tier seeded (through the project's own clients) as
 * the member sees it in Chromium — the three generations in order, the deleted server's snapshot flagged
 * orphan, the offloaded server's shelve image flagged shelved and not orphan.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Fixtures } from '../../src/contract/fixtures-types';
import { ENV } from '../../src/contract/real-cloud';

function fixtures(): Fixtures {
  const file = process.env[ENV.fixturesFile];
  if (!file) throw new Error(`${ENV.fixturesFile} is not set: the global setup did not run`);
  return JSON.parse(readFileSync(file, 'utf8')) as Fixtures;
}

const node = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Brings the whole (small) seeded graph on screen: React Flow renders only what is in the viewport. */
async function showAll(page: Page): Promise<void> {
  const fit = page.locator('.react-flow__controls-fitview');
  if (await fit.count()) await fit.first().click();
}

async function x(l: Locator): Promise<number> {
  const box = await l.boundingBox();
  if (!box) throw new Error('node is not rendered');
  return box.x;
}

test.describe('lineage of a real cloud', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 60_000 });
    await showAll(page);
  });

  test('shows the three generations of the chain in order, left to right', async ({ page }) => {
    const f = fixtures();
    const ids = [f.base.id, ...f.chain.servers.flatMap((s, i) => [s, f.chain.snapshots[i] ?? ''])];
    for (const id of ids) await expect(node(page, id)).toBeVisible();
    const xs: number[] = [];
    for (const id of ids) xs.push(await x(node(page, id)));
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1] ?? 0);
    for (const [i, id] of f.chain.snapshots.entries())
      await expect(node(page, id)).toContainText(`${f.prefix}chain-${i + 1}-snap`);
  });

  test("flags the deleted server's snapshot as an orphan", async ({ page }) => {
    const f = fixtures();
    const snap = node(page, f.orphan.snapshotId);
    await expect(snap).toBeVisible();
    await expect(snap.getByText('orphan', { exact: true })).toBeVisible();
  });

  test('flags the shelve image of an offloaded server as shelved, not as an orphan', async ({ page }) => {
    const f = fixtures();
    const img = node(page, f.shelved.imageId);
    await expect(img).toBeVisible();
    await expect(img.getByText('shelved', { exact: true })).toBeVisible();
    await expect(img.getByText('orphan', { exact: true })).toHaveCount(0);
  });
});
