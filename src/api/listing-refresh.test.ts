import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ApiService, Transport } from '../openstack';
import type { GlanceImage, NovaServer } from '../openstack/types';
import { fetchImageListing, imageQueries, requestFullImageRefresh, type ImageListing } from './images';
import { FULL_REFRESH_EVERY_MS, mergeById, newestOfPages, newestTime, throttle } from './listing';
import { noteDeletedImages } from './pending-deletions';
import { fetchServerListing, type ServerListing } from './servers';

/** Answers `service path` from a function; records every call. */
function fnTransport(answer: (key: string) => unknown): Transport & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    request(service: ApiService, path: string) {
      const key = `${service} ${decodeURIComponent(path)}`;
      calls.push(key);
      const body = answer(key);
      if (body === undefined) return Promise.resolve(Response.json({ message: key }, { status: 404 }));
      return Promise.resolve(Response.json(body));
    },
  };
}

const img = (id: string, updated: string): GlanceImage =>
  ({ id, name: id, updated_at: updated }) as GlanceImage;
const srv = (id: string, updated: string, status = 'ACTIVE'): NovaServer =>
  ({ id, name: id, updated, status }) as NovaServer;

describe('mergeById', () => {
  it('replaces changed items in place, puts new ones first, drops removed ids, keeps the rest as they were', () => {
    const a = { id: 'a', v: 1 };
    const b = { id: 'b', v: 1 };
    const c = { id: 'c', v: 1 };
    const out = mergeById(
      [a, b, c],
      [
        { id: 'b', v: 2 },
        { id: 'n', v: 1 },
      ],
      new Set(['c']),
    );
    expect(out).toEqual([{ id: 'n', v: 1 }, a, { id: 'b', v: 2 }]);
    expect(out[1]).toBe(a);
  });

  it('returns the same array when nothing changed', () => {
    const items = [{ id: 'a' }];
    expect(mergeById(items, [])).toBe(items);
  });
});

describe('newestTime', () => {
  it('takes the latest update time, keeping the cursor when nothing is newer', () => {
    expect(
      newestTime(
        null,
        [img('a', '2026-01-01T00:00:01Z'), img('b', '2026-01-01T00:00:09Z')],
        (i) => i.updated_at,
      ),
    ).toBe('2026-01-01T00:00:09Z');
    expect(newestTime('2026-02-01T00:00:00Z', [img('a', '2026-01-01T00:00:01Z')], (i) => i.updated_at)).toBe(
      '2026-02-01T00:00:00Z',
    );
    expect(newestTime(null, [], (i: GlanceImage) => i.updated_at)).toBeNull();
  });

  it('follows the newest time page by page, handing every page on as it came', async () => {
    async function* pages(): AsyncGenerator<GlanceImage[]> {
      yield await Promise.resolve([img('a', '2026-01-01T00:00:01Z'), img('b', '2026-01-01T00:00:09Z')]);
      yield await Promise.resolve([img('c', '2026-01-01T00:00:05Z')]);
    }
    const newest = newestOfPages((i: GlanceImage) => i.updated_at);
    expect(newest.cursor).toBeNull();
    const seen: string[][] = [];
    for await (const page of newest.over(pages())) {
      seen.push(page.map((i) => i.id));
      if (seen.length === 1) expect(newest.cursor).toBe('2026-01-01T00:00:09Z');
    }
    expect(seen).toEqual([['a', 'b'], ['c']]);
    expect(newest.cursor).toBe('2026-01-01T00:00:09Z');
  });

  it('compares times written differently (fractions, offsets) by what they mean', () => {
    const times = ['2026-01-01T00:00:05Z', '2026-01-01T00:00:04.900Z', '2026-01-01T01:00:06+02:00', 'soon'];
    expect(
      newestTime(
        null,
        times.map((t, i) => img(String(i), t)),
        (i) => i.updated_at,
      ),
    ).toBe('2026-01-01T00:00:05Z');
    expect(
      newestTime('2026-01-01T00:00:04.900Z', [img('a', '2026-01-01T00:00:04Z')], (i) => i.updated_at),
    ).toBe('2026-01-01T00:00:04.900Z');
  });
});

describe('throttle', () => {
  it('calls at once, then at most once per interval, and flush delivers the pending call', () => {
    let t = 0;
    let calls = 0;
    const th = throttle(
      400,
      () => calls++,
      () => t,
    );
    th.call();
    t = 100;
    th.call();
    th.call();
    expect(calls).toBe(1);
    t = 450;
    th.call();
    expect(calls).toBe(2);
    th.flush();
    expect(calls).toBe(2);
    t = 500;
    th.call();
    th.flush();
    expect(calls).toBe(3);
  });
});

describe('image listing refresh', () => {
  const full = {
    'image /v2/images?limit=1000': {
      images: [img('a', '2026-01-01T00:00:05Z'), img('b', '2026-01-01T00:00:09Z')],
    },
  };

  it('first lists everything, then asks only for images updated since the newest one seen and merges them', async () => {
    const t = fnTransport((k) =>
      k === 'image /v2/images?limit=1000'
        ? full[k]
        : k === 'image /v2/images?limit=1000&updated_at=gte:2026-01-01T00:00:09Z'
          ? { images: [img('b', '2026-01-01T00:00:20Z'), img('new', '2026-01-01T00:00:15Z')] }
          : undefined,
    );
    const first = await fetchImageListing(t, undefined, { now: 1000 });
    expect(first).toMatchObject({ complete: true, cursor: '2026-01-01T00:00:09Z', fullAt: 1000, deltas: 0 });
    noteDeletedImages(['a']);
    const second = await fetchImageListing(t, first, { now: 2000 });
    expect(t.calls).toEqual([
      'image /v2/images?limit=1000',
      'image /v2/images?limit=1000&updated_at=gte:2026-01-01T00:00:09Z',
    ]);
    expect(second.items.map((i) => [i.id, i.updated_at])).toEqual([
      ['new', '2026-01-01T00:00:15Z'],
      ['b', '2026-01-01T00:00:20Z'],
    ]);
    expect(second).toMatchObject({ complete: true, cursor: '2026-01-01T00:00:20Z', fullAt: 1000, deltas: 1 });
  });

  it('lists everything again after the full-refresh interval or when asked to', async () => {
    const t = fnTransport((k) => (k === 'image /v2/images?limit=1000' ? full[k] : { images: [] }));
    const first = await fetchImageListing(t, undefined, { now: 0 });
    await fetchImageListing(t, first, { now: FULL_REFRESH_EVERY_MS + 1 });
    requestFullImageRefresh();
    await fetchImageListing(t, first, { now: 1 });
    expect(t.calls).toEqual([
      'image /v2/images?limit=1000',
      'image /v2/images?limit=1000',
      'image /v2/images?limit=1000',
    ]);
  });

  it('shows the first pages while the rest are loading (the query data grows, marked incomplete)', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const t: Transport = {
      async request(_s, path) {
        if (path.includes('marker=p1')) {
          await gate;
          return Response.json({ images: [img('c', '2026-01-01T00:00:01Z')] });
        }
        return Response.json({
          images: [img('a', 'x'), img('b', 'y')],
          next: '/v2/images?limit=1000&marker=p1',
        });
      },
    };
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const q = imageQueries.all(t);
    const done = qc.fetchQuery(q);
    await expect.poll(() => qc.getQueryData<ImageListing>(q.queryKey)?.items.length).toBe(2);
    expect(qc.getQueryData<ImageListing>(q.queryKey)?.complete).toBe(false);
    release();
    const final = await done;
    expect(final.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(final.complete).toBe(true);
  });
});

describe('server listing refresh', () => {
  it('asks Nova once for changes-since the newest update: deleted servers move to the deleted list', async () => {
    const t = fnTransport((k) => {
      if (k === 'compute /servers/detail?limit=1000&all_tenants=1')
        return { servers: [srv('s1', '2026-01-01T00:00:01Z'), srv('s2', '2026-01-01T00:00:02Z')] };
      if (k === 'compute /servers/detail?limit=1000&all_tenants=1&deleted=true')
        return { servers: [srv('d1', '2026-01-01T00:00:03Z', 'DELETED')] };
      if (k === 'compute /servers/detail?limit=1000&all_tenants=1&changes-since=2026-01-01T00:00:03Z')
        return {
          servers: [srv('s1', '2026-01-01T00:00:09Z', 'DELETED'), srv('s3', '2026-01-01T00:00:08Z')],
        };
      return undefined;
    });
    const params = { allTenants: true, withDeleted: true };
    const first: ServerListing = await fetchServerListing(t, params, undefined, { now: 0 });
    expect(first.cursor).toBe('2026-01-01T00:00:03Z');
    const second = await fetchServerListing(t, params, first, { now: 1 });
    expect(t.calls.slice(2)).toEqual([
      'compute /servers/detail?limit=1000&all_tenants=1&changes-since=2026-01-01T00:00:03Z',
    ]);
    expect(second.items.map((s) => s.id)).toEqual(['s3', 's2']);
    expect(second.deleted.map((s) => s.id)).toEqual(['s1', 'd1']);
    expect(second.cursor).toBe('2026-01-01T00:00:09Z');
  });

  it('keeps the live servers when the deleted ones cannot be listed, and says so', async () => {
    const t = fnTransport((k) =>
      k === 'compute /servers/detail?limit=1000&all_tenants=1'
        ? { servers: [srv('s1', '2026-01-01T00:00:01Z')] }
        : undefined,
    );
    const l = await fetchServerListing(t, { allTenants: true, withDeleted: true }, undefined);
    expect(l.items.map((s) => s.id)).toEqual(['s1']);
    expect(l.deletedError).toBeInstanceOf(Error);
  });
});
