import type { Page } from '@playwright/test';

/**
 * How many listings the page has saved to IndexedDB (src/api/listing-cache.ts): each listing's head is
 * written after its slices, so 2 means images and servers are both there. For the e2e tests and the bench.
 */
export function savedListings(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const r = indexedDB.open('glance-lineage-cache');
        r.onerror = () => resolve(0);
        r.onsuccess = () => {
          const db = r.result;
          if (!db.objectStoreNames.contains('listings')) return resolve(0);
          const keys = db.transaction('listings', 'readonly').objectStore('listings').getAllKeys();
          keys.onsuccess = () =>
            resolve(keys.result.filter((k) => typeof k === 'string' && !k.includes('#')).length);
          keys.onerror = () => resolve(0);
        };
      }),
  );
}
