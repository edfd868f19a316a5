import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, nodeById, test } from './fixtures';

const selected = (url: string): string | null => new URL(url).searchParams.get('selected');

test.describe('the graph by keyboard', () => {
  test('arrows move the selection along the lineage, Escape clears it and Enter selects again', async ({
    page,
  }) => {
    await page.goto(`/?selected=${DEMO_IDS.web2Snap}`);
    await nodeById(page, DEMO_IDS.web2Snap).focus();

    /** One key, then the selection and the keyboard focus are on `id`. */
    const move = async (key: string, id: string): Promise<void> => {
      await page.keyboard.press(key);
      await expect.poll(() => selected(page.url())).toBe(id);
      await expect(nodeById(page, id)).toBeFocused();
    };
    await move('ArrowLeft', DEMO_IDS.web2);
    await move('ArrowLeft', DEMO_IDS.web1Snap);
    await move('ArrowLeft', DEMO_IDS.web1);
    await move('ArrowLeft', DEMO_IDS.debian12);
    await move('ArrowLeft', DEMO_IDS.debian12); // a root: stays
    await move('ArrowDown', DEMO_IDS.ubuntu2204); // the next root below
    await move('ArrowUp', DEMO_IDS.debian12);
    await move('ArrowRight', DEMO_IDS.web1); // the first child
    await expect(
      page
        .getByRole('complementary', { name: 'Inspector' })
        .getByRole('heading', { name: 'web-1', exact: true }),
    ).toBeVisible();

    const focused = nodeById(page, DEMO_IDS.web1);
    await expect(focused).toBeFocused();
    // A visible focus ring.
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');

    await page.keyboard.press('Escape');
    await expect.poll(() => selected(page.url())).toBeNull();
    await expect(page.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
    await expect(focused).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => selected(page.url())).toBe(DEMO_IDS.web1);
    await page.keyboard.press('Escape');
    await page.keyboard.press(' ');
    await expect.poll(() => selected(page.url())).toBe(DEMO_IDS.web1);
  });

  test('Fit to selection zooms to the selected node and its lineage', async ({ page }) => {
    await page.goto('/');
    const fit = page.getByRole('button', { name: 'Fit to selection' });
    await expect(fit).toBeDisabled();
    await nodeById(page, DEMO_IDS.web2Snap).click();
    await expect(fit).toBeEnabled();
    const transform = () =>
      page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
    const before = await transform();
    await fit.click();
    await expect.poll(transform).not.toBe(before);
    // Every generation of the lineage is in view: its root and its last snapshot.
    for (const id of [DEMO_IDS.debian12, DEMO_IDS.web2Snap, DEMO_IDS.web3Snap])
      await expect(nodeById(page, id)).toBeInViewport();
  });

  test('every control is reachable by Tab and has an accessible name', async ({ page }) => {
    await page.goto(`/?selected=${DEMO_IDS.web2Snap}`);
    await expect(nodeById(page, DEMO_IDS.web2Snap)).toBeVisible();
    const reached = new Set<string>();
    const nameless: string[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const labelled = el.getAttribute('aria-labelledby');
        const byLabel = labelled
          ? labelled
              .split(' ')
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ')
          : '';
        const forLabel = el.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '';
        const wrapping = el.closest('label')?.textContent ?? '';
        const name = (
          el.getAttribute('aria-label') ??
          (byLabel || forLabel || wrapping || el.textContent || el.getAttribute('title') || '')
        ).trim();
        return { name, tag: el.tagName.toLowerCase(), html: el.outerHTML.slice(0, 120) };
      });
      if (!info) continue;
      if (info.name === '') nameless.push(info.html);
      else reached.add(info.name);
    }
    expect(nameless).toEqual([]);
    for (const name of [
      'Graph',
      'Search by name, id or key=value',
      'Project',
      'Copy link',
      'Close inspector',
    ])
      expect([...reached]).toContain(name);
  });
});
