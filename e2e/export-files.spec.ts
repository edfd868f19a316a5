import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { DEMO_IDS } from '../src/sim/scenarios';
import { expect, test } from './fixtures';

const APP_HEADER = { 'X-Glance-Lineage': '1' };

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: button }).click();
  const file: Download = await waiting;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** RFC 4180, the way a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

interface JsonRow {
  id: string;
  name: string;
  kind: string;
  parent: string | null;
  root: string | null;
  facts: { kind: string; reason: string }[];
}

test.describe('export', () => {
  test('CSV and JSON hold the filtered set, facts with reasons, and formula-looking names defused', async ({
    page,
    request,
  }) => {
    // A read first: after the simulator reset the proxy's token is stale, and only reads re-authenticate
    // and retry (a POST with a body is answered 401 once).
    expect((await request.get('/api/image/v2/images?limit=1')).ok()).toBe(true);
    const hostile = '=HYPERLINK("http://evil.example","click"),@SUM(A1)';
    const made = await request.post('/api/image/v2/images', {
      headers: APP_HEADER,
      data: { name: hostile, disk_format: 'qcow2', container_format: 'bare', tags: ['nightly'] },
    });
    expect(made.status()).toBe(201);
    const hostileId = ((await made.json()) as { id: string }).id;

    await page.goto('/?view=table&tag=nightly');
    const grid = page.getByRole('grid', { name: 'Lineage table' });
    const expected = Number(await grid.getAttribute('aria-rowcount')) - 1;
    await expect(page.getByRole('group', { name: 'Export' })).toContainText(`Export ${expected} nodes`);

    const csv = await download(page, 'Download CSV');
    expect(csv.name).toMatch(/^glance-lineage-.*\.csv$/);
    const rows = parseCsv(csv.bytes.toString('utf8'));
    expect(rows[0]).toEqual([
      'id',
      'name',
      'kind',
      'project',
      'status',
      'size_bytes',
      'created',
      'parent',
      'root',
      'facts',
    ]);
    expect(rows).toHaveLength(expected + 1);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    const web3 = byId.get(DEMO_IDS.web3Snap);
    expect(web3?.slice(1, 3)).toEqual(['web-3-snap', 'snapshot']);
    expect(web3?.[7]).toBe(DEMO_IDS.web3);
    expect(web3?.[8]).toBe(DEMO_IDS.debian12);
    expect(Number(web3?.[5])).toBe(262_144);
    // The filter keeps ancestors, like the graph: debian-12 is there although not tagged nightly.
    expect(byId.get(DEMO_IDS.debian12)?.[1]).toBe('debian-12');
    expect(byId.has(DEMO_IDS.fedora40)).toBe(false);
    expect(byId.get(hostileId)?.[1]).toBe(`'${hostile}`);
    // No other cell of the file starts a formula.
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);

    const json = await download(page, 'Download JSON');
    expect(json.name).toMatch(/\.json$/);
    const items = JSON.parse(json.bytes.toString('utf8')) as JsonRow[];
    expect(items).toHaveLength(expected);
    expect(items.find((r) => r.id === hostileId)?.name).toBe(hostile);
    const web2 = items.find((r) => r.id === DEMO_IDS.web2Snap);
    expect(web2).toMatchObject({
      name: 'web-2-snap',
      kind: 'snapshot',
      parent: DEMO_IDS.web2,
      root: DEMO_IDS.debian12,
    });
    for (const f of web2?.facts ?? []) expect(f.reason.length).toBeGreaterThan(3);
  });

  test('an orphan’s row carries the orphan fact and its reason', async ({ page }) => {
    await page.goto('/?fact=orphan');
    const csv = await download(page, 'Download CSV');
    const row = parseCsv(csv.bytes.toString('utf8')).find((r) => r[0] === DEMO_IDS.tmp1Snap);
    expect(row?.[9]).toMatch(/orphan: its server tmp-1 \(2f84eac3\) was deleted/);
  });

  test('the visible graph downloads as a non-empty PNG and SVG; the table view offers neither', async ({
    page,
  }) => {
    await page.goto(`/?selected=${DEMO_IDS.web3Snap}`);
    await expect(page.locator(`.react-flow__node[data-id="${DEMO_IDS.web3Snap}"]`)).toBeVisible();

    const png = await download(page, 'Download PNG');
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.bytes.length).toBeGreaterThan(5_000);
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(100); // width from the IHDR chunk

    const svg = await download(page, 'Download SVG');
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('web-3-snap');
    // The arrowheads go with it: the edges point to markers defined inside the exported viewport.
    expect(text).toMatch(/<marker[^>]*id="lineage-arrow-snapshot-of"/);
    expect(text).toContain("url('#lineage-arrow-snapshot-of')");
    await expect(page.getByRole('group', { name: 'Export' }).getByRole('status')).toHaveText('SVG saved');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Table' }).click();
    await expect(page.getByRole('button', { name: 'Download PNG' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Download SVG' })).toBeDisabled();
  });
});
