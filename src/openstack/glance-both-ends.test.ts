import { describe, expect, it } from 'vitest';
import { createSimulator, simCloudConfig, type Simulator } from '../sim';
import { manualClock } from '../sim/clock';
import { OpenStackError } from './errors';
import { FakeTransport } from './fixtures/fake-transport';
import { GlanceClient } from './glance';
import { BOTH_ENDS_AFTER_PAGES, inListingOrder, walksFromBothEnds } from './glance-both-ends';
import { KeystoneSession } from './session';
import type { Transport } from './transport';
import type { GlanceImage } from './types';

/** A Transport over the simulator's Glance that records each path asked for. */
async function simGlance(sim: Simulator): Promise<{ glance: GlanceClient; paths: string[] }> {
  const session = await KeystoneSession.open(simCloudConfig('admin'), {
    fetch: (input, init) => sim.fetch(input, init),
  });
  const paths: string[] = [];
  const t: Transport = {
    request: (service, path, init) => {
      paths.push(path);
      return session.request(service, path, init);
    },
  };
  return { glance: new GlanceClient(t), paths };
}

/** The listing walked from one end only, page by page (a sort key makes one walk). */
async function walkedOnce(glance: GlanceClient): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of glance.pages({ sort_key: 'created_at', sort_dir: 'desc' }))
    ids.push(...page.map((i) => i.id));
  return ids;
}

const image = (id: string): GlanceImage => ({ id, name: id }) as GlanceImage;
const fullPage = (prefix: string, n: number): GlanceImage[] =>
  Array.from({ length: n }, (_, i) => image(`${prefix}${i}`));

describe('a Glance listing walked from both ends', () => {
  it('holds every image once, in the default order, with pages asked for from both ends', async () => {
    const sim = createSimulator({ scenario: 'generated', generated: { images: 9_500, servers: 100 } });
    const { glance, paths } = await simGlance(sim);
    const once = await walkedOnce(glance);
    paths.length = 0;
    const ids = (await glance.listImages()).map((i) => i.id);
    expect(once.length).toBeGreaterThan(9_000);
    expect(ids).toEqual(once);
    expect(paths.filter((p) => p.includes('sort_dir=asc')).length).toBeGreaterThan(0);
    // The walks stop where they meet: not every page twice (10 pages from one end).
    expect(paths.length).toBeLessThanOrEqual(13);
  }, 60_000);

  it('loses and repeats nothing when every image has the same created_at (the order is then the ids)', async () => {
    const sim = createSimulator({ scenario: 'empty', clock: manualClock() });
    const { glance } = await simGlance(sim);
    for (let i = 0; i < 1_150; i += 50)
      await Promise.all(
        Array.from({ length: 50 }, (_, k) =>
          glance.createImage({ name: `same-${i + k}`, disk_format: 'raw', container_format: 'bare' }),
        ),
      );
    // Pages of 100: the oldest end is walked from the fifth page on.
    const listed = await glance.listImages({ limit: '100' });
    expect(new Set(listed.map((i) => i.created_at)).size).toBe(1);
    expect(listed.map((i) => i.id)).toEqual(await walkedOnce(glance));
    const streamed: string[] = [];
    for await (const page of glance.pages({ limit: '100' })) streamed.push(...page.map((i) => i.id));
    expect(streamed).toHaveLength(1_150);
    expect(new Set(streamed).size).toBe(1_150);
  }, 60_000);

  it('walks one end only while the listing is short or its pages are not full, or the query picks an order', async () => {
    const t = new FakeTransport((req) =>
      Response.json({
        images: fullPage(req.path.includes('marker') ? 'b' : 'a', 3),
        next: '/v2/images?marker=x',
      }),
    );
    const glance = new GlanceClient(t);
    let pages = 0;
    for await (const page of glance.pages({ limit: '5' })) {
      expect(page).toHaveLength(3);
      if (++pages === 2) break;
    }
    expect(t.sent.every((r) => !r.path.includes('sort_dir=asc'))).toBe(true);
    expect(walksFromBothEnds({ limit: '5' })).toBe(true);
    const ordered: Record<string, string>[] = [
      { sort: 'name:asc' },
      { sort_key: 'name' },
      { sort_dir: 'asc' },
      { marker: 'm' },
    ];
    for (const q of ordered) expect(walksFromBothEnds(q)).toBe(false);
  });

  it('fails with the mapped error of either end and aborts what the other end has in flight', async () => {
    let held: AbortSignal | undefined;
    const t = new FakeTransport((req) => {
      if (req.path.includes('sort_dir=asc'))
        return Response.json(
          { message: 'boom', code: '500 Internal Server Error', title: 'Internal Server Error' },
          { status: 500 },
        );
      const at = Number(/marker=n(\d+)/.exec(req.path)?.[1] ?? 0);
      if (at >= BOTH_ENDS_AFTER_PAGES) {
        held = req.init.signal ?? undefined;
        return new Promise<Response>(() => undefined);
      }
      return Response.json({ images: fullPage(`n${at}-`, 2), next: `/v2/images?limit=2&marker=n${at + 1}` });
    });
    const e = await new GlanceClient(t).listImages({ limit: '2' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OpenStackError);
    expect((e as OpenStackError).envelope).toMatchObject({ status: 500, service: 'image' });
    expect(held?.aborted).toBe(true);
  });

  it('aborts the pages in flight at both ends when the caller stops early', async () => {
    let n = 0;
    const t = new FakeTransport((req) =>
      Response.json({
        images: fullPage(req.path.includes('asc') ? `o${n++}-` : `n${n++}-`, 2),
        next: `/v2/images?limit=2&marker=m${n}${req.path.includes('asc') ? '&sort_key=created_at&sort_dir=asc' : ''}`,
      }),
    );
    let pages = 0;
    for await (const page of new GlanceClient(t).pages({ limit: '2' })) {
      expect(page).toHaveLength(2);
      if (++pages === BOTH_ENDS_AFTER_PAGES + 2) break;
    }
    const unanswered = t.sent.filter((r) => !r.init.signal?.aborted);
    expect(t.sent.length).toBeGreaterThan(3);
    expect(unanswered.length).toBeLessThan(t.sent.length);
    expect(t.sent.some((r) => r.path.includes('sort_dir=asc'))).toBe(true);
    expect(t.sent.at(-1)?.init.signal?.aborted).toBe(true);
  });

  it('puts the oldest-end pages after the newest-end ones, from the middle outwards', () => {
    const order = inListingOrder([
      { images: [image('9'), image('8')], fromOldest: false },
      { images: [image('2'), image('1')], fromOldest: true },
      { images: [image('7'), image('6')], fromOldest: false },
      { images: [image('4'), image('3')], fromOldest: true },
      { images: [image('5')], fromOldest: false },
    ]);
    expect(order.map((i) => i.id)).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1']);
  });
});
