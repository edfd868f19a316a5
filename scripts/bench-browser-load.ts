/**
 * The loading bench's browser column: the built app (dist/, served by the proxy under test) opened fresh in
 * headless Chromium, timed in the page from its first API request (`GET /api/session`) to the end of the
 * last image or server page it needed (Resource Timing), once the data status line says loading finished.
 * It is the dashboard itself, with everything it does while the pages arrive (the first graph, the worker,
 * the cache), where the Node column runs only the app's listing code.
 */
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/chromium';
import type { SelfTimed } from './bench-util';

/** The pause after each load, before the round's next measurement. */
const SETTLE_MS = 1500;

export function openChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}

/** The status line's "Reload all" button, back when loading finished (src/app/data-status.tsx). */
export const RELOAD_ALL_BUTTON = 'button[title^="List every image and server again"]';
/** The status line's text while it loads or refreshes. */
export const DATA_STATUS = '[aria-label="Data status"]';

/** Loading finished: the status line's "Reload all" button is back and it shows no status text. */
const LOADED = `(() => {
  const reload = document.querySelector(${JSON.stringify(RELOAD_ALL_BUTTON)});
  return !!reload && !document.querySelector(${JSON.stringify(DATA_STATUS)});
})()`;

const DATA_SPAN = `(() => {
  const api = performance.getEntriesByType('resource').filter((e) => /\\/api\\/(session|image|compute)\\b/.test(e.name));
  const lists = api.filter((e) => /\\/api\\/(image|compute)\\//.test(e.name));
  return {
    start: Math.min(...api.map((e) => e.startTime)),
    end: Math.max(...lists.map((e) => e.responseEnd)),
    pages: lists.length,
  };
})()`;

/** One fresh load of the app at `base` (no cache, no cookies); the time it took to hold every listing. */
export async function loadInChromium(
  browser: Browser,
  base: string,
  timeoutMs = 180_000,
): Promise<SelfTimed & { pages: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(LOADED, null, { timeout: timeoutMs, polling: 50 });
    const span = await page.evaluate<{ start: number; end: number; pages: number }>(DATA_SPAN);
    if (!(span.pages > 0) || !Number.isFinite(span.end - span.start))
      throw new Error(`the page listed nothing through the proxy (${span.pages} pages)`);
    return { selfTimedMs: span.end - span.start, pages: span.pages };
  } finally {
    await context.close();
    // Chromium goes on for a while after the page is closed (its processes wind down, storage is written):
    // the next measurement of the round must not share the machine with that.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }
}
