/**
 * A listing page's JSON (`{"images": [...], "next": ...}`, `{"servers": [...], "servers_links": [...]}`)
 * parsed a slice of its array at a time, with a pause between slices: a page of 1,000 images is 1.3 MB, and
 * parsing it, with the garbage collection that follows, held a browser's main thread for 30 to 80 ms.
 *
 * The text is cut where one item of the array ends and the next begins: `}`, `,`, `{` and the key the first
 * item starts with (spaces allowed; the key tells an item from the objects nested in it, such as a server's
 * links), found by a search from every SLICE_CHARS characters, not by reading every character. Each cut is
 * proven by the parse itself: the first piece, closed with `]}`, parses only if the cut lies between two
 * items of the listed array (the only place where exactly an object and an array are open), and a later
 * piece, in brackets, parses only if it is whole items. A gap inside a string cannot match (its quotes are
 * escaped); one inside a nested value makes its piece fail, and the next gap is tried. When no cut holds,
 * the rest is parsed in one piece, and a piece that fails at the end means the page is parsed whole, as
 * JSON.parse would: same result, same errors.
 */

import { isRecord, parseJsonOrUndefined } from './json-value';

/** Characters per slice: about 200 images or servers. */
export const SLICE_CHARS = 256 * 1024;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the gap between two items of the `key` array looks like, learnt from its first item; null: no items. */
function itemGap(text: string, key: string): RegExp | null {
  const first = new RegExp(`"${escapeRegExp(key)}"\\s*:\\s*\\[\\s*\\{\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(text);
  if (!first) return null;
  return new RegExp(`\\}\\s*,\\s*\\{\\s*"${escapeRegExp(first[1] ?? '')}"`, 'g');
}

/** The end of the item before the first gap at or after `from` and the start of the next; null: none. */
function gapAfter(gap: RegExp, text: string, from: number): { end: number; next: number } | null {
  gap.lastIndex = from;
  const m = gap.exec(text);
  return m ? { end: m.index + 1, next: m.index + m[0].indexOf('{') } : null;
}

/** Gaps tried per slice: an item may hold objects that start with the same key (a server's volumes). */
const TRIES = 4;

/**
 * The first gap at or after `from` whose piece `read` accepts, and what it made of it; null when none of
 * TRIES gaps did (or there are none).
 */
function cutAfter<T>(
  gap: RegExp,
  text: string,
  from: number,
  read: (end: number) => T | undefined,
): { value: T; next: number } | null {
  let at = from;
  for (let i = 0; i < TRIES; i++) {
    const g = gapAfter(gap, text, at);
    if (!g) return null;
    const value = read(g.end);
    if (value !== undefined) return { value, next: g.next };
    at = g.end;
  }
  return null;
}

/**
 * `JSON.parse(text)` of a listing whose items are under `key`, in slices of about SLICE_CHARS with
 * `pause()` awaited between two slices. Texts of one slice are parsed at once.
 */
export async function parseListingJson<T>(text: string, key: string, pause: () => Promise<void>): Promise<T> {
  const whole = (): T => JSON.parse(text) as T;
  const gap = text.length > 2 * SLICE_CHARS ? itemGap(text, key) : null;
  if (!gap) return whole();
  const first = cutAfter(gap, text, SLICE_CHARS, (end) => {
    const head = parseJsonOrUndefined(`${text.slice(0, end)}]}`);
    // The cut must end the listed array: its key is the last one the head holds.
    return isRecord(head) && Object.keys(head).at(-1) === key && Array.isArray(head[key]) ? head : undefined;
  });
  if (!first) return whole();
  const head = first.value;
  const items = head[key] as unknown[];
  let at = first.next;
  for (;;) {
    await pause();
    if (text.length - at <= 2 * SLICE_CHARS) break;
    const start = at;
    const cut = cutAfter(gap, text, start + SLICE_CHARS, (end) => {
      const part = parseJsonOrUndefined(`[${text.slice(start, end)}]`);
      return Array.isArray(part) ? part : undefined;
    });
    if (!cut) break;
    for (const item of cut.value) items.push(item);
    at = cut.next;
  }
  const tail = parseJsonOrUndefined(`{"${key}":[${text.slice(at)}`);
  if (!isRecord(tail) || !Array.isArray(tail[key])) return whole();
  for (const item of tail[key]) items.push(item);
  return { ...head, ...tail, [key]: items } as T;
}
