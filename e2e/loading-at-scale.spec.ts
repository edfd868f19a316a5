import type { Page } from '@playwright/test';
import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, nodeById, test } from './fixtures';
import { savedListings } from './listing-cache';

const APP = { 'X-Glance-Lineage': '1' };

/** The Glance and Nova listing requests the page sends through the proxy. */
function listingRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (/^\/api\/(image\/v2\/images|compute\/servers\/detail)$/.test(u.pathname))
      seen.push(decodeURIComponent(u.pathname + u.search));
  });
  return seen;
}

test.describe('loading at scale', () => {
  test.describe('a big cloud behind a slow Glance', () => {
    test.use({ scenario: 'generated', generated: { images: 6000, servers: 1200 } });

    test('the graph shows the first pages while the rest load, and search works meanwhile', async ({
      page,
      request,
    }) => {
      await request.post('/api/_sim/faults', { headers: APP, data: { latencyMs: 700, services: ['image'] } });
      await page.goto('/');
      const status = page.getByRole('status', { name: 'Data status' });
      // The canvas is there, empty, before the first graph, with the search box above it.
      await expect(page.locator('.react-flow')).toHaveCount(1);
      await expect(page.locator('.react-flow__node')).toHaveCount(0);
      await expect(page.getByRole('searchbox', { name: /search/i })).toBeVisible();
      await page.locator('.react-flow').evaluate((el) => el.setAttribute('data-seen-while-loading', ''));
      await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 20_000 });
      // One canvas, the same one: the first graph did not mount another, and no hidden one is kept anywhere.
      await expect(page.locator('.react-flow')).toHaveCount(1);
      await expect(page.locator('.react-flow[data-seen-while-loading]')).toHaveCount(1);
      await expect(status).toContainText(/Loading images and servers… [\d,]+ images/);
      const search = page.getByRole('searchbox', { name: /search/i });
      await search.fill('a');
      await expect(page.getByRole('search').getByRole('status')).toContainText(/\d/);
      await expect(status).toContainText('Loading images and servers…');
      // Every page arrives in the end: the status line goes quiet.
      await expect(status).toHaveCount(0, { timeout: 30_000 });
      await request.post('/api/_sim/faults', { headers: APP, data: {} });
    });
  });

  test.describe('a cloud just over the big-graph size, its last page arriving while the first graph shows', () => {
    // 2,000 images and 300 servers: the first page's graph is under 1,500 nodes (built on the page), the
    // whole one over it (built in the worker, which takes a moment after the last page).
    test.use({ scenario: 'generated', generated: { images: 2000, servers: 300 } });

    test('the canvas draws it as a big graph from the first page to the end, never whole', async ({
      page,
      request,
    }) => {
      // React Flow's minimap is the small-graph mode's: a render in that mode hands React Flow every node.
      await page.addInitScript(() => {
        const seen = { minimap: false };
        Object.assign(window, { __seen: seen });
        new MutationObserver(() => {
          if (document.querySelector('.react-flow__minimap')) seen.minimap = true;
        }).observe(document, { subtree: true, childList: true });
      });
      await request.post('/api/_sim/faults', { headers: APP, data: { latencyMs: 400, services: ['image'] } });
      await page.goto('/');
      await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('status', { name: 'Data status' })).toHaveCount(0, { timeout: 30_000 });
      // The whole graph comes from the worker a moment after the last page.
      const count = page.getByText(/^[\d,]+ nodes$/);
      await expect
        .poll(async () => Number((await count.textContent())?.replace(/\D/g, '')), { timeout: 10_000 })
        .toBeGreaterThan(1500);
      await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
      const seen = await page.evaluate(() => (window as unknown as { __seen: { minimap: boolean } }).__seen);
      expect(seen.minimap).toBe(false);
      await request.post('/api/_sim/faults', { headers: APP, data: {} });
    });
  });

  test('after a delete, only what changed is fetched, and the deleted image leaves the graph', async ({
    page,
  }) => {
    const requests = listingRequests(page);
    await page.goto(`/?selected=${DEMO_IDS.tmp1Snap}`);
    await expect(nodeById(page, DEMO_IDS.tmp1Snap)).toBeVisible();
    const before = requests.length;
    const actions = page.getByRole('complementary', { name: 'Actions' });
    await actions.getByRole('button', { name: 'Delete…' }).click();
    await actions.getByRole('button', { name: 'Delete this image' }).click();
    await expect(nodeById(page, DEMO_IDS.tmp1Snap)).toHaveCount(0);
    await expect.poll(() => requests.length).toBeGreaterThan(before);
    const after = requests.slice(before);
    expect(after.some((r) => r.includes('updated_at=gte:'))).toBe(true);
    expect(after.some((r) => r.includes('changes-since='))).toBe(true);
    for (const r of after) expect(r).toMatch(/updated_at=gte:|changes-since=/);
  });

  test('a reload shows the cached data as not fresh, then revalidates it incrementally', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    await expect(nodeById(page, DEMO_IDS.web3Snap)).toBeVisible();
    // Saved to IndexedDB once complete (images and servers), then slow Nova so "refreshing" can be seen.
    await expect.poll(() => savedListings(page), { timeout: 15_000 }).toBe(2);
    await request.post('/api/_sim/faults', {
      headers: APP,
      data: { latencyMs: 1500, services: ['compute'] },
    });
    const requests = listingRequests(page);
    await page.reload();
    await expect(page.getByRole('status', { name: 'Data status' })).toContainText(
      /Cached .* ago, refreshing…/,
    );
    await expect(nodeById(page, DEMO_IDS.web3Snap)).toBeVisible();
    await expect(page.getByRole('status', { name: 'Data status' })).toHaveCount(0, { timeout: 15_000 });
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) expect(r).toMatch(/updated_at=gte:|changes-since=/);
    await request.post('/api/_sim/faults', { headers: APP, data: {} });
  });
});
