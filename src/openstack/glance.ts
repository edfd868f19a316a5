/**
 * Typed Glance images API v2 client over a `Transport` (a Keystone session in Node, our proxy in the
 * browser). Paths are relative to Glance's unversioned endpoint. Browser-safe (no node:*).
 */
import { inListingOrder, pagesFromBothEnds } from './glance-both-ends';
import type { EndPage, WalkPage } from './glance-both-ends';
import { ensureOk, expectNoContent, parsePageText, queryOf, readJson } from './response';
import type { Transport } from './transport';
import { GLANCE_PATCH_CONTENT_TYPE } from './types';
import type { GlanceImage, GlanceImageList, GlanceJsonPatchOp } from './types';

export interface GlanceRequestOptions {
  signal?: AbortSignal;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** A page asked for, and how to give it up. */
interface PageRequest {
  path: string;
  response: Promise<Response>;
  abort: AbortController;
}

/** Gives up a page nobody will read: aborts the request and drops a body that already arrived. */
function abandon(r: PageRequest | null): void {
  if (!r) return;
  r.abort.abort();
  r.response.then(
    (res) => res.body?.cancel().catch(() => undefined),
    () => undefined,
  );
}

/** How near its end a Glance listing's text must name `next` (Glance writes it after the images). */
const NEXT_TAIL = 4096;

/** The `next` link in the tail of a Glance listing's JSON text, or null (then the parsed body decides). */
export function nextLinkFromTail(text: string): string | null {
  const at = text.lastIndexOf('"next"');
  if (at < 0 || at < text.length - NEXT_TAIL) return null;
  const m = /^"next"\s*:\s*("(?:[^"\\]|\\.)*")\s*[,}]/.exec(text.slice(at, at + NEXT_TAIL));
  if (!m?.[1]) return null;
  try {
    return JSON.parse(m[1]) as string;
  } catch {
    return null;
  }
}

export class GlanceClient {
  readonly #t: Transport;

  constructor(t: Transport) {
    this.#t = t;
  }

  /**
   * Every page of `GET /v2/images` (limit=1000 unless given). A listing in Glance's default order is walked
   * from both ends at once, newest and oldest first, until the walks meet (glance-both-ends.ts); its pages
   * come as they arrive, each newest first. `listImages` puts them back in the default order.
   */
  async *pages(
    query: Record<string, string> = {},
    opts: GlanceRequestOptions = {},
  ): AsyncGenerator<GlanceImage[]> {
    for await (const page of this.#pagesFromBothEnds(query, opts)) yield page.images;
  }

  async listImages(
    query: Record<string, string> = {},
    opts: GlanceRequestOptions = {},
  ): Promise<GlanceImage[]> {
    const pages: EndPage[] = [];
    for await (const page of this.#pagesFromBothEnds(query, opts)) pages.push(page);
    return inListingOrder(pages);
  }

  #pagesFromBothEnds(query: Record<string, string>, opts: GlanceRequestOptions): AsyncGenerator<EndPage> {
    const params = { limit: '1000', ...query };
    const walk = (q: Record<string, string>, signal: AbortSignal): AsyncGenerator<WalkPage> =>
      this.#walk(q, signal);
    return pagesFromBothEnds(walk, params, Number(params.limit), opts.signal);
  }

  /**
   * One walk through a listing, following Glance's relative `next` link by its query string, so it works
   * through the proxy too. The next page is asked for before this one is parsed and while the caller takes
   * it in: Glance writes `next` last, so the tail of the text names it; the guess is checked against the
   * parsed page and a wrong one is aborted. A caller that stops early aborts it too.
   */
  async *#walk(query: Record<string, string>, signal: AbortSignal | undefined): AsyncGenerator<WalkPage> {
    const params = new URLSearchParams(query);
    const seen = new Set<string>();
    let current: PageRequest | null = this.#requestPage(`/v2/images?${params.toString()}`, signal);
    let ahead: PageRequest | null = null;
    try {
      while (current) {
        const page: PageRequest = current;
        current = null;
        seen.add(page.path);
        const text = await (await ensureOk('image', await page.response)).text();
        const guess = nextLinkFromTail(text);
        const guessed = guess === null ? null : `/v2/images${queryOf(guess)}`;
        if (guessed !== null && !seen.has(guessed)) ahead = this.#requestPage(guessed, signal);
        // Each page is parsed in tasks of its own, a slice at a time: pages of two walks that arrive together
        // would otherwise be parsed, and taken in, in one task (30-80 ms each in a browser, with the GC).
        const body = await parsePageText<GlanceImageList>(text, 'images');
        // A server that hands back the same page would loop forever.
        const next = body.next && body.images.length > 0 ? `/v2/images${queryOf(body.next)}` : null;
        if (next === null || seen.has(next)) current = null;
        else if (ahead?.path === next) current = ahead;
        else current = this.#requestPage(next, signal);
        if (ahead !== current) abandon(ahead);
        ahead = null;
        yield { images: body.images, more: current !== null };
      }
    } finally {
      abandon(ahead);
      abandon(current);
    }
  }

  #requestPage(path: string, signal: AbortSignal | undefined): PageRequest {
    const abort = new AbortController();
    const response = this.#t.request('image', path, {
      signal: signal ? AbortSignal.any([signal, abort.signal]) : abort.signal,
    });
    // Settled by whoever awaits it; a request given up before that must not be an unhandled rejection.
    response.catch(() => undefined);
    return { path, response, abort };
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
