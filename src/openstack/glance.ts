/**
 * Typed Glance images API v2 client over a `Transport` (a Keystone session in Node, our proxy in the
 * browser). Paths are relative to Glance's unversioned endpoint. Browser-safe (no node:*).
 */
import { ensureOk, expectNoContent, queryOf, readJson } from './response';
import type { Transport } from './transport';
import { GLANCE_PATCH_CONTENT_TYPE } from './types';
import type { GlanceImage, GlanceImageList, GlanceJsonPatchOp } from './types';

export interface GlanceRequestOptions {
  signal?: AbortSignal;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export class GlanceClient {
  readonly #t: Transport;

  constructor(t: Transport) {
    this.#t = t;
  }

  /**
   * Every page of `GET /v2/images` (limit=1000 unless given), following Glance's relative `next` link by its
   * query string, so it works through the proxy too.
   */
  async *pages(
    query: Record<string, string> = {},
    opts: GlanceRequestOptions = {},
  ): AsyncGenerator<GlanceImage[]> {
    const params = new URLSearchParams({ limit: '1000', ...query });
    let path = `/v2/images?${params.toString()}`;
    const seen = new Set<string>();
    for (;;) {
      seen.add(path);
      const res = await this.#t.request('image', path, { signal: opts.signal });
      const body = await readJson<GlanceImageList>('image', res);
      yield body.images;
      if (!body.next || body.images.length === 0) return;
      const next = `/v2/images${queryOf(body.next)}`;
      if (seen.has(next)) return; // a server that hands back the same page would loop forever
      path = next;
    }
  }

  async listImages(
    query: Record<string, string> = {},
    opts: GlanceRequestOptions = {},
  ): Promise<GlanceImage[]> {
    const all: GlanceImage[] = [];
    for await (const page of this.pages(query, opts)) all.push(...page);
    return all;
  }

  async getImage(id: string, opts: GlanceRequestOptions = {}): Promise<GlanceImage> {
    return readJson<GlanceImage>(
      'image',
      await this.#t.request('image', imagePath(id), { signal: opts.signal }),
    );
  }

  /** `POST /v2/images`: a queued image record (no data yet). */
  async createImage(body: Record<string, unknown>): Promise<GlanceImage> {
    const res = await this.#t.request('image', '/v2/images', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    });
    return readJson<GlanceImage>('image', res);
  }

  /** `PATCH` with Glance's JSON-patch media type; returns the whole updated image. */
  async updateImage(id: string, ops: GlanceJsonPatchOp[]): Promise<GlanceImage> {
    const res = await this.#t.request('image', imagePath(id), {
      method: 'PATCH',
      headers: { 'Content-Type': GLANCE_PATCH_CONTENT_TYPE },
      body: JSON.stringify(ops),
    });
    return readJson<GlanceImage>('image', res);
  }

  async addTag(id: string, tag: string): Promise<void> {
    await expectNoContent('image', await this.#t.request('image', tagPath(id, tag), { method: 'PUT' }));
  }

  async removeTag(id: string, tag: string): Promise<void> {
    await expectNoContent('image', await this.#t.request('image', tagPath(id, tag), { method: 'DELETE' }));
  }

  async deleteImage(id: string): Promise<void> {
    await expectNoContent('image', await this.#t.request('image', imagePath(id), { method: 'DELETE' }));
  }

  /** `PUT /v2/images/{id}/file`. A stream is sent as it is read (`duplex: 'half'`), never buffered. */
  async uploadData(
    id: string,
    body: ReadableStream<Uint8Array> | Uint8Array,
    opts: GlanceRequestOptions & { size?: number } = {},
  ): Promise<void> {
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
    if (opts.size !== undefined && body instanceof ReadableStream)
      headers['Content-Length'] = String(opts.size);
    const init: RequestInit & { duplex?: 'half' } = {
      method: 'PUT',
      headers,
      body: body as BodyInit,
      signal: opts.signal,
    };
    if (body instanceof ReadableStream) init.duplex = 'half';
    await expectNoContent('image', await this.#t.request('image', `${imagePath(id)}/file`, init));
  }

  /** `GET /v2/images/{id}/file`: the 2xx Response itself, its body unread (stream it). 204 = no data. */
  async downloadData(id: string, opts: GlanceRequestOptions = {}): Promise<Response> {
    const res = await this.#t.request('image', `${imagePath(id)}/file`, {
      headers: { Accept: 'application/octet-stream, application/json;q=0.9' },
      signal: opts.signal,
    });
    return ensureOk('image', res);
  }

  async deactivate(id: string): Promise<void> {
    await expectNoContent(
      'image',
      await this.#t.request('image', `${imagePath(id)}/actions/deactivate`, { method: 'POST' }),
    );
  }

  async reactivate(id: string): Promise<void> {
    await expectNoContent(
      'image',
      await this.#t.request('image', `${imagePath(id)}/actions/reactivate`, { method: 'POST' }),
    );
  }
}

function imagePath(id: string): string {
  return `/v2/images/${encodeURIComponent(id)}`;
}

function tagPath(id: string, tag: string): string {
  return `${imagePath(id)}/tags/${encodeURIComponent(tag)}`;
}
