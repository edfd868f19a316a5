import { test as base, expect, type Locator, type Page } from '@playwright/test';

export type ScenarioName = 'demo' | 'generated' | 'empty';

interface Fixtures {
  /** The simulator scenario this test starts from (reset before each test). */
  scenario: ScenarioName;
  generated: { images: number; servers: number } | undefined;
  /** Native dialogs (alert/confirm/prompt) the page opened; a hostile name must never open one. */
  dialogs: string[];
}

export const test = base.extend<Fixtures>({
  scenario: ['demo', { option: true }],
  generated: [undefined, { option: true }],
  dialogs: async ({ page }, use) => {
    const seen: string[] = [];
    page.on('dialog', (d) => {
      seen.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await use(seen);
  },
  page: async ({ page, request, scenario, generated }, use) => {
    const res = await request.post('/api/_sim/reset', {
      headers: { 'X-Glance-Lineage': '1' },
      data: generated ? { scenario, generated } : { scenario },
    });
    expect(res.ok(), `simulator reset: ${res.status()} ${await res.text()}`).toBe(true);
    await use(page);
  },
});

export { expect };

/** A lineage node by its kind and name, as the node's accessible name says ("snapshot web-1-snap"). */
export function lineageNode(page: Page, kind: string, name: string): Locator {
  return page.getByRole('group', { name: `${kind} ${name}`, exact: true });
}

/** A lineage node by id, the way React Flow marks it. */
export function nodeById(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}
