import { expect, test } from './fixtures';

test.describe('a cloud with 10,000 images and 2,000 servers', () => {
  test.use({ scenario: 'generated', generated: { images: 10_000, servers: 2_000 } });

  test('opens on a readable region and mounts only the nodes in view', async ({ page }) => {
    // Fixed-size nodes are never measured: React Flow, as patched (patches/), does not observe them.
    await page.addInitScript(() => {
      const seen = { nodes: 0 };
      Object.assign(window, { __observedNodes: seen });
      window.ResizeObserver = class extends ResizeObserver {
        observe(el: Element, opts?: ResizeObserverOptions): void {
          if (el.classList.contains('react-flow__node')) seen.nodes++;
          super.observe(el, opts);
        }
      };
    });
    await page.goto('/');
    await expect(page.getByText(/^\d{5} nodes$/)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    const mounted = await page.locator('.react-flow__node').count();
    expect(mounted).toBeGreaterThan(5);
    expect(mounted).toBeLessThan(300);
    expect(
      await page.evaluate(
        () => (window as unknown as { __observedNodes: { nodes: number } }).__observedNodes.nodes,
      ),
    ).toBe(0);
    await expect(page.getByRole('img', { name: 'Overview map' })).toBeVisible();
    // No control may mount the whole graph: no "fit view", and zooming out stops at a bounded zoom.
    await expect(page.getByRole('button', { name: 'Fit View' })).toHaveCount(0);
    const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
    while (await zoomOut.isEnabled()) await zoomOut.click();
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    expect(await page.locator('.react-flow__node').count()).toBeLessThan(600);
  });

  test('search reaches a node far outside the first view', async ({ page }) => {
    await page.goto('/');
    const search = page.getByRole('searchbox', { name: /search/i });
    await expect(page.getByText(/^\d{5} nodes$/)).toBeVisible({ timeout: 30_000 });
    await search.fill('snap-4');
    await expect(page.getByRole('search').getByRole('status')).toHaveText(/^\d{3,} matches$/);
    await page.getByRole('button', { name: 'Previous match' }).click();
    const id = new URL(page.url()).searchParams.get('selected') ?? '';
    expect(id).not.toBe('');
    await expect(page.locator(`.react-flow__node[data-id="${id}"]`)).toBeInViewport();
  });

  test('React Flow holds only the part near the view: the overview and the keyboard bring far nodes in', async ({
    page,
  }) => {
    const mountedIds = (): Promise<string[]> =>
      page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    const selected = (): string | null => new URL(page.url()).searchParams.get('selected');
    await page.goto('/');
    await expect(page.getByText(/^\d{5} nodes$/)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    const first = await mountedIds();
    expect(first.length).toBeLessThan(300);
    expect(await page.locator('.react-flow__edge').count()).toBeLessThan(600);

    // Far down the overview: a region of the graph the first view never had.
    await page.getByRole('img', { name: 'Overview map' }).click({ position: { x: 110, y: 140 } });
    await expect
      .poll(async () => (await mountedIds()).filter((id) => !first.includes(id)).length)
      .toBeGreaterThan(5);
    const there = await mountedIds();
    expect(there.length).toBeLessThan(300);
    expect(there.filter((id) => first.includes(id))).toEqual([]);
    await expect(page.locator('.react-flow__node').first()).toBeInViewport();

    // Down the roots by keyboard: each next root lies below the last one's subtree, soon off screen.
    const start = page.locator('.react-flow__node').first();
    await start.focus();
    await page.keyboard.press('Enter');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    const focusedId = (): Promise<string | null> =>
      page.evaluate(
        () => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null,
      );
    await expect.poll(async () => (await focusedId()) === selected() && selected() !== null).toBe(true);
    const visited = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const before = selected();
      await page.keyboard.press('ArrowDown');
      await expect.poll(selected).not.toBe(before);
      const id = selected() ?? '';
      visited.add(id);
      await expect(page.locator(`.react-flow__node[data-id="${id}"]`)).toBeFocused();
      await expect(page.locator(`.react-flow__node[data-id="${id}"]`)).toBeInViewport();
    }
    expect(visited.size).toBe(8);
    expect(await page.locator('.react-flow__node').count()).toBeLessThan(300);
  });
});
