/**
 * The listings survive a page reload for a short time (IndexedDB, per cloud, project and user), so a reload
 * shows the last data at once, marked as cached, while an incremental refresh revalidates it. Items are
 * stored in slices of 250 records (a put of 1,000 servers took ~80 ms): each read or write copies little, so the page never stalls on it; a
 * save writes each slice when the page is idle (after the load's last graph is taken in, between input events).
 */
const DB = 'glance-lineage-cache';
const STORE = 'listings';
const SLICE = 250;
/** localStorage key of the cache's lifetime in minutes (0 turns the cache off). */
export const CACHE_MINUTES_KEY = 'glance-lineage.cache-minutes';
export const DEFAULT_CACHE_MINUTES = 10;

export function cacheMaxAgeMs(): number {
  try {
    const raw = globalThis.localStorage?.getItem(CACHE_MINUTES_KEY);
    const n = raw === null || raw === undefined ? NaN : Number(raw);
    return (Number.isFinite(n) && n >= 0 ? n : DEFAULT_CACHE_MINUTES) * 60_000;
  } catch {
    return DEFAULT_CACHE_MINUTES * 60_000;
  }
}

interface Head {
  savedAt: number;
  slices: number;
  /** The listing without its item arrays. */
  meta: Record<string, unknown>;
  /** Names of the item arrays stored in slices (items, deleted). */
  arrays: { name: string; length: number }[];
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

let db: Promise<IDBDatabase> | null = null;
function open(): Promise<IDBDatabase> | null {
  if (typeof indexedDB === 'undefined') return null;
  db ??= new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB open failed'));
  });
  return db;
}

/**
 * Opens the cache's database ahead of its first use: on a first visit, creating it takes the page tens of
 * ms, and the listings wait for the cache to be read before they start.
 */
export function openListingCache(): void {
  if (cacheMaxAgeMs() > 0) open()?.catch(() => undefined);
}

/** Resolves when the page is idle (or after `timeoutMs` at the latest). */
function idle(timeoutMs = 100): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

async function put(key: string, value: unknown): Promise<void> {
  const d = await open();
  if (!d) return;
  await request(d.transaction(STORE, 'readwrite').objectStore(STORE).put(value, key));
}

async function get(key: string): Promise<unknown> {
  const d = await open();
  if (!d) return undefined;
  return request(d.transaction(STORE, 'readonly').objectStore(STORE).get(key));
}

/** Saves a listing whose item arrays are `arrays` (e.g. items, deleted); other fields are kept as they are. */
export async function saveListing(
  key: string,
  listing: Record<string, unknown>,
  arrayNames: string[],
): Promise<void> {
  if (!open() || cacheMaxAgeMs() === 0) return;
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(listing))
    if (!arrayNames.includes(k) && !(v instanceof Error)) meta[k] = v;
  const flat: unknown[] = [];
  const arrays = arrayNames.map((name) => {
    const list = (listing[name] as unknown[] | undefined) ?? [];
    for (const x of list) flat.push(x);
    return { name, length: list.length };
  });
  const slices = Math.ceil(flat.length / SLICE);
  for (let i = 0; i < slices; i++) {
    await idle();
    await put(`${key}#${i}`, flat.slice(i * SLICE, (i + 1) * SLICE));
  }
  const head: Head = { savedAt: Date.now(), slices, meta, arrays };
  await idle();
  await put(key, head);
}

/** A saved listing younger than the cache's lifetime, with when it was saved; undefined otherwise. */
export async function loadListing<L>(key: string): Promise<{ listing: L; savedAt: number } | undefined> {
  const maxAge = cacheMaxAgeMs();
  if (!open() || maxAge === 0) return undefined;
  const head = (await get(key)) as Head | undefined;
  if (!head || Date.now() - head.savedAt > maxAge) return undefined;
  const flat: unknown[] = [];
  for (let i = 0; i < head.slices; i++) {
    const part = (await get(`${key}#${i}`)) as unknown[] | undefined;
    if (!part) return undefined;
    for (const x of part) flat.push(x);
  }
  const listing: Record<string, unknown> = { ...head.meta };
  let at = 0;
  for (const a of head.arrays) {
    listing[a.name] = flat.slice(at, at + a.length);
    at += a.length;
  }
  return { listing: listing as L, savedAt: head.savedAt };
}
