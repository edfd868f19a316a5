import { describe, expect, it } from 'vitest';
import { runBulkDelete, type BulkItemResult, type ImageDeleter } from './bulk-delete';
import { OpenStackError, type ErrorEnvelope } from './errors';
import type { GlanceImage } from './types';

function image(id: string, extra: Partial<GlanceImage> = {}): GlanceImage {
  return {
    id,
    name: id,
    status: 'active',
    visibility: 'private',
    protected: false,
    os_hidden: false,
    owner: 'p1',
    checksum: null,
    os_hash_algo: null,
    os_hash_value: null,
    size: 10,
    virtual_size: null,
    min_disk: 0,
    min_ram: 0,
    disk_format: 'qcow2',
    container_format: 'bare',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    tags: [],
    self: `/v2/images/${id}`,
    file: `/v2/images/${id}/file`,
    schema: '/v2/schemas/image',
    ...extra,
  };
}

function glanceError(status: number, extra: Partial<ErrorEnvelope> = {}): OpenStackError {
  return new OpenStackError({
    code: status === 404 ? 'not_found' : status === 403 ? 'forbidden' : 'upstream_error',
    message: `HTTP ${status}`,
    service: 'image',
    status,
    requestId: `req-${status}`,
    ...extra,
  });
}

/** An in-memory Glance with scripted failures: `failures[id]` is consumed one entry per DELETE. */
class FakeGlance implements ImageDeleter {
  readonly images = new Map<string, GlanceImage>();
  readonly deleteCalls: string[] = [];
  readonly failures = new Map<string, (() => Error)[]>();
  inFlight = 0;
  maxInFlight = 0;
  deleteThenLoseAnswer = new Set<string>();

  constructor(images: GlanceImage[]) {
    for (const i of images) this.images.set(i.id, i);
  }
  async getImage(id: string): Promise<GlanceImage> {
    await Promise.resolve();
    const img = this.images.get(id);
    if (!img) throw glanceError(404);
    return img;
  }
  async deleteImage(id: string): Promise<void> {
    this.deleteCalls.push(id);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((r) => setTimeout(r, 2));
      const next = this.failures.get(id)?.shift();
      if (next) throw next();
      if (!this.images.has(id)) throw glanceError(404);
      if (this.images.get(id)?.protected) throw glanceError(403);
      this.images.delete(id);
      if (this.deleteThenLoseAnswer.delete(id)) throw new TypeError('fetch failed: socket hang up');
    } finally {
      this.inFlight--;
    }
  }
}

const ids = (n: number): { id: string; name: string }[] =>
  Array.from({ length: n }, (_, i) => ({ id: `img-${i}`, name: `image ${i}` }));

describe('runBulkDelete', () => {
  it('deletes every listed image with at most `concurrency` deletes in flight', async () => {
    const glance = new FakeGlance(ids(20).map((i) => image(i.id)));
    const seen: BulkItemResult[] = [];
    const results = await runBulkDelete(glance, ids(20), { concurrency: 4, onItem: (r) => seen.push(r) });
    expect(results.map((r) => r.outcome)).toEqual(Array(20).fill('deleted'));
    expect(results.map((r) => r.id)).toEqual(ids(20).map((i) => i.id));
    expect(glance.images.size).toBe(0);
    expect(glance.maxInFlight).toBe(4);
    expect(seen).toHaveLength(20);
  });

  it('leaves images outside the confirmed set alone', async () => {
    const glance = new FakeGlance([image('a'), image('b'), image('keep')]);
    await runBulkDelete(
      glance,
      [
        { id: 'a', name: 'a' },
        { id: 'b', name: 'b' },
      ],
      { concurrency: 8 },
    );
    expect([...glance.images.keys()]).toEqual(['keep']);
  });

  it('reports a 404 on the re-read as already gone and sends no delete', async () => {
    const glance = new FakeGlance([]);
    const [r] = await runBulkDelete(glance, [{ id: 'x', name: 'x' }], { concurrency: 1 });
    expect(r).toMatchObject({ outcome: 'already-gone', status: 404 });
    expect(glance.deleteCalls).toEqual([]);
  });

  it('reports a 404 on the delete itself as already gone', async () => {
    const glance = new FakeGlance([image('x')]);
    glance.failures.set('x', [() => glanceError(404)]);
    const [r] = await runBulkDelete(glance, [{ id: 'x', name: 'x' }], { concurrency: 1 });
    expect(r).toMatchObject({ outcome: 'already-gone', status: 404, requestId: 'req-404' });
  });

  it('skips an image that became protected since the dry run', async () => {
    const glance = new FakeGlance([image('p', { protected: true })]);
    const [r] = await runBulkDelete(glance, [{ id: 'p', name: 'p' }], { concurrency: 1 });
    expect(r?.outcome).toBe('skipped');
    expect(r?.reason).toMatch(/protected/);
    expect(glance.deleteCalls).toEqual([]);
  });

  it('skips an image the recheck refuses, with the recheck reason', async () => {
    const glance = new FakeGlance([image('a'), image('b')]);
    const results = await runBulkDelete(
      glance,
      [
        { id: 'a', name: 'a' },
        { id: 'b', name: 'b' },
      ],
      {
        concurrency: 2,
        recheck: (img) => (img.id === 'b' ? 'server web-1 boots from it now' : null),
      },
    );
    expect(results.map((r) => [r.id, r.outcome, r.reason])).toEqual([
      ['a', 'deleted', 'deleted'],
      ['b', 'skipped', 'server web-1 boots from it now'],
    ]);
    expect(glance.images.has('b')).toBe(true);
  });

  it('retries a 5xx and succeeds', async () => {
    const glance = new FakeGlance([image('x')]);
    glance.failures.set('x', [() => glanceError(503)]);
    const [r] = await runBulkDelete(glance, [{ id: 'x', name: 'x' }], { concurrency: 1, retryDelayMs: 0 });
    expect(r?.outcome).toBe('deleted');
    expect(glance.deleteCalls).toEqual(['x', 'x']);
  });

  it('reports failed after the retries are used up, with status and request id', async () => {
    const glance = new FakeGlance([image('x')]);
    glance.failures.set('x', [() => glanceError(500), () => glanceError(502), () => glanceError(503)]);
    const [r] = await runBulkDelete(glance, [{ id: 'x', name: 'x' }], {
      concurrency: 1,
      retryDelayMs: 0,
      retries: 2,
    });
    expect(r).toMatchObject({ outcome: 'failed', status: 503, requestId: 'req-503' });
    expect(r?.reason).toMatch(/after 3 attempts/);
    expect(glance.images.has('x')).toBe(true);
  });

  it('does not retry a 403 (it will not change)', async () => {
    const glance = new FakeGlance([image('x')]);
    glance.failures.set('x', [() => glanceError(403)]);
    const [r] = await runBulkDelete(glance, [{ id: 'x', name: 'x' }], { concurrency: 1, retryDelayMs: 0 });
    expect(r).toMatchObject({ outcome: 'failed', status: 403 });
    expect(glance.deleteCalls).toEqual(['x']);
  });

  it('counts a lost answer followed by a 404 as deleted', async () => {
    const glance = new FakeGlance([image('x')]);
    glance.deleteThenLoseAnswer.add('x');
    const [r] = await runBulkDelete(glance, [{ id: 'x', name: 'x' }], { concurrency: 1, retryDelayMs: 0 });
    expect(r?.outcome).toBe('deleted');
    expect(glance.images.has('x')).toBe(false);
  });

  it('never deletes an id twice when it is listed twice', async () => {
    const glance = new FakeGlance([image('x')]);
    const results = await runBulkDelete(
      glance,
      [
        { id: 'x', name: 'x' },
        { id: 'x', name: 'x again' },
      ],
      { concurrency: 2 },
    );
    expect(results.map((r) => r.outcome)).toEqual(['deleted', 'skipped']);
    expect(glance.deleteCalls).toEqual(['x']);
  });

  it('marks the items not started as cancelled once the signal aborts', async () => {
    const glance = new FakeGlance(ids(10).map((i) => image(i.id)));
    const ctrl = new AbortController();
    const results = await runBulkDelete(glance, ids(10), {
      concurrency: 2,
      signal: ctrl.signal,
      onItem: () => ctrl.abort(),
    });
    const deleted = results.filter((r) => r.outcome === 'deleted').length;
    expect(deleted).toBeGreaterThan(0);
    expect(deleted).toBeLessThanOrEqual(2);
    expect(results.filter((r) => r.outcome === 'cancelled').length).toBe(10 - deleted);
    expect(glance.images.size).toBe(10 - deleted);
  });

  it('keeps going when one item throws something unexpected', async () => {
    const glance = new FakeGlance([image('a'), image('b')]);
    glance.failures.set('a', [
      () => new RangeError('boom'),
      () => new RangeError('boom'),
      () => new RangeError('boom'),
    ]);
    const results = await runBulkDelete(
      glance,
      [
        { id: 'a', name: 'a' },
        { id: 'b', name: 'b' },
      ],
      {
        concurrency: 1,
        retryDelayMs: 0,
      },
    );
    expect(results.map((r) => r.outcome)).toEqual(['failed', 'deleted']);
    expect(results[0]?.reason).toMatch(/boom/);
  });
});
