import { describe, expect, it } from 'vitest';
import { parseListingJson, SLICE_CHARS } from './listing-json';

/** JSON as Python's json.dumps writes it (Glance and Nova): `, ` between items, `: ` after keys. */
function pythonJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(pythonJson).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${pythonJson(x)}`)
      .join(', ')}}`;
  return JSON.stringify(v);
}

const image = (i: number, extra: Record<string, unknown> = {}) => ({
  name: `image-${i}`,
  id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
  status: 'active',
  description: 'x'.repeat(900),
  tags: ['a', 'b'],
  ...extra,
});

/** A Nova server: objects nested in arrays, so `}, {` also appears inside each item. */
const server = (i: number) => ({
  id: `server-${i}`,
  name: `s-${i}`,
  links: [
    { rel: 'self', href: `http://nova/v2.1/servers/${i}` },
    { rel: 'bookmark', href: `http://nova/servers/${i}` },
  ],
  addresses: { net: [{ addr: '10.0.0.1' }, { addr: '10.0.0.2' }] },
  metadata: { note: 'y'.repeat(800) },
});

const noPause = (): Promise<void> => Promise.resolve();

function counting(): { pause: () => Promise<void>; count: () => number } {
  let n = 0;
  return {
    pause: () => {
      n++;
      return Promise.resolve();
    },
    count: () => n,
  };
}

describe('parseListingJson', () => {
  const images = Array.from({ length: 1500 }, (_, i) => image(i));

  it('gives what JSON.parse gives, in slices, written compact or as Python writes it, any key order', async () => {
    const bodies = [
      { images, next: '/v2/images?marker=x', first: '/v2/images', schema: '/v2/schemas/images' },
      { first: '/v2/images', images, schema: '/v2/schemas/images' },
    ];
    for (const body of bodies)
      for (const text of [JSON.stringify(body), pythonJson(body), JSON.stringify(body, null, 2)]) {
        expect(text.length).toBeGreaterThan(4 * SLICE_CHARS);
        const slices = counting();
        const parsed = await parseListingJson<typeof body>(text, 'images', slices.pause);
        expect(parsed).toEqual(JSON.parse(text));
        expect(slices.count()).toBeGreaterThanOrEqual(4);
      }
  });

  it('cuts between servers, not between the objects nested in them', async () => {
    const body = {
      servers: Array.from({ length: 1500 }, (_, i) => server(i)),
      servers_links: [{ rel: 'next', href: 'http://nova/v2.1/servers/detail?marker=s' }],
    };
    const text = pythonJson(body);
    const slices = counting();
    expect(await parseListingJson(text, 'servers', slices.pause)).toEqual(body);
    expect(slices.count()).toBeGreaterThanOrEqual(4);
  });

  it('stays exact when item text looks like the gap between two items', async () => {
    // In a string a gap cannot match: the quote after `{` is escaped there.
    const inStrings = Array.from({ length: 1500 }, (_, i) =>
      image(i, { description: `${'z'.repeat(400)}"}, {"name": "fake"}]} ${'z'.repeat(400)}` }),
    );
    const text = pythonJson({ images: inStrings, next: 'n' });
    expect(await parseListingJson(text, 'images', noPause)).toEqual(JSON.parse(text));
    // Objects nested in an item that start with the item's first key: their pieces fail, the next gap is cut.
    const nested = Array.from({ length: 1500 }, (_, i) =>
      image(i, { locations: Array.from({ length: 3 }, (__, k) => ({ name: `l${k}`, url: 'u'.repeat(60) })) }),
    );
    const body = { images: nested, next: 'n' };
    const slices = counting();
    expect(await parseListingJson(pythonJson(body), 'images', slices.pause)).toEqual(body);
    expect(slices.count()).toBeGreaterThanOrEqual(4);
    // More such objects than gaps tried per slice: the page is parsed in fewer pieces, still exactly.
    const deep = Array.from({ length: 1500 }, (_, i) =>
      image(i, { locations: Array.from({ length: 9 }, (__, k) => ({ name: `l${k}` })) }),
    );
    expect(await parseListingJson(pythonJson({ images: deep }), 'images', noPause)).toEqual({ images: deep });
  });

  it('parses small pages, empty ones and other shapes at once', async () => {
    const slices = counting();
    const small = JSON.stringify({ images: images.slice(0, 10), next: 'n' });
    expect(await parseListingJson(small, 'images', slices.pause)).toEqual(JSON.parse(small));
    const empty = `{"images": [], "pad": "${'p'.repeat(3 * SLICE_CHARS)}"}`;
    expect(await parseListingJson(empty, 'images', slices.pause)).toEqual(JSON.parse(empty));
    // The items under another key than the one asked for.
    const other = JSON.stringify({ servers: images });
    expect(await parseListingJson(other, 'images', slices.pause)).toEqual(JSON.parse(other));
    expect(slices.count()).toBe(0);
  });

  it('throws what JSON.parse throws for a broken page', async () => {
    const text = JSON.stringify({ images, next: 'n' });
    const gap = text.indexOf('},{', 3 * SLICE_CHARS);
    // Cut short, and a doubled comma between two items of a middle slice.
    for (const broken of [text.slice(0, -40), `${text.slice(0, gap + 1)},${text.slice(gap + 1)}`]) {
      expect(() => JSON.parse(broken) as unknown).toThrow(SyntaxError);
      await expect(parseListingJson(broken, 'images', noPause)).rejects.toThrow(SyntaxError);
    }
  });
});
