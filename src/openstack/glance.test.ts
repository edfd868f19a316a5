import { describe, expect, it } from 'vitest';
import { OpenStackError } from './errors';
import { FakeTransport } from './fixtures/fake-transport';
import { recorded, recordedResponse } from './fixtures/recorded';
import { GlanceClient, nextLinkFromTail } from './glance';
import type { GlanceImage, GlanceImageList } from './types';

const PAGE_1 = recorded('glance-list-page-with-next').body as GlanceImageList;
const WEB_3 = recorded('glance-show-web-3-snap').body as GlanceImage;

function noContent(): Response {
  return new Response(null, { status: 204 });
}

async function rejection(p: Promise<unknown>): Promise<OpenStackError> {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(OpenStackError);
  return e as OpenStackError;
}

describe('GlanceClient.pages / listImages', () => {
  it('asks for limit=1000 by default and stops when there is no next link', async () => {
    const t = new FakeTransport(() =>
      Response.json({ images: [WEB_3], first: '/v2/images', schema: '/v2/schemas/images' }),
    );
    const images = await new GlanceClient(t).listImages();
    expect(images.map((i) => i.name)).toEqual(['web-3-snap']);
    expect(t.sent.map((r) => [r.service, r.path])).toEqual([['image', '/v2/images?limit=1000']]);
  });

  it('follows the relative next link (real page from the lab) by its query string', async () => {
    const t = new FakeTransport((req) =>
      req.path.includes('marker=')
        ? Response.json({ images: [WEB_3], first: '', schema: '' })
        : Response.json(PAGE_1),
    );
    const pages: string[][] = [];
    for await (const page of new GlanceClient(t).pages({ limit: '3', sort_key: 'name', sort_dir: 'asc' }))
      pages.push(page.map((i) => i.name ?? ''));
    expect(pages).toEqual([PAGE_1.images.map((i) => i.name), ['web-3-snap']]);
    expect(t.sent.map((r) => r.path)).toEqual([
      '/v2/images?limit=3&sort_key=name&sort_dir=asc',
      '/v2/images?limit=3&sort_key=name&sort_dir=asc&marker=7e8d0b83-5dc1-40a3-897f-34534dbc1422',
    ]);
  });

  it('takes only the query of an absolute next link too (it must go through our transport)', async () => {
    let n = 0;
    const t = new FakeTransport(() =>
      Response.json(
        n++ === 0
          ? { images: [WEB_3], next: 'http://glance.internal:9292/v2/images?marker=m1' }
          : { images: [] },
      ),
    );
    await new GlanceClient(t).listImages();
    expect(t.sent[1]!.path).toBe('/v2/images?marker=m1');
  });

  it('does not loop when the server hands back the same next link', async () => {
    const t = new FakeTransport(() => Response.json({ images: [WEB_3], next: '/v2/images?limit=1000' }));
    const images = await new GlanceClient(t).listImages();
    expect(images).toHaveLength(1);
    expect(t.sent).toHaveLength(1);
  });

  it('passes the abort signal and throws the mapped error of a failing page', async () => {
    const ac = new AbortController();
    const t = new FakeTransport(() => recordedResponse('glance-error-bad-sort'));
    const e = await rejection(new GlanceClient(t).listImages({ sort_key: 'bogus' }, { signal: ac.signal }));
    expect(e.envelope).toMatchObject({ code: 'bad_request', service: 'image', status: 400 });
    const sent = t.last().init.signal;
    expect(sent?.aborted).toBe(false);
    ac.abort();
    expect(sent?.aborted).toBe(true);
  });

  it('asks for the next page before handing over this one, from the next link at the end of the text', async () => {
    const order: string[] = [];
    const t = new FakeTransport((req) => {
      order.push(`request ${req.path}`);
      return req.path.includes('marker=m1')
        ? Response.json({
            images: [{ ...WEB_3, id: 'b' }],
            first: '/v2/images',
            schema: '/v2/schemas/images',
          })
        : Response.json({
            images: [WEB_3],
            first: '/v2/images',
            schema: '/v2/schemas/images',
            next: '/v2/images?marker=m1',
          });
    });
    for await (const page of new GlanceClient(t).pages()) order.push(`page ${page.map((i) => i.id).join()}`);
    expect(order).toEqual([
      'request /v2/images?limit=1000',
      'request /v2/images?marker=m1',
      `page ${WEB_3.id}`,
      'page b',
    ]);
  });

  it('aborts a wrong guess (a `next` inside the last image) and asks for the real next page', async () => {
    const t = new FakeTransport((req) => {
      if (req.path.includes('marker=real')) return Response.json({ images: [] });
      // The top-level next comes first here, so the last "next" in the text is an image property's.
      return new Response(
        `{"next": "/v2/images?marker=real", "images": [{"id": "a", "name": "x", "next": "/v2/images?marker=fake"}]}`,
        { headers: { 'content-type': 'application/json' } },
      );
    });
    const images = await new GlanceClient(t).listImages();
    expect(images.map((i) => i.id)).toEqual(['a']);
    expect(t.sent.map((r) => [r.path, r.init.signal?.aborted])).toEqual([
      ['/v2/images?limit=1000', false],
      ['/v2/images?marker=fake', true],
      ['/v2/images?marker=real', false],
    ]);
  });

  it('parses each page in a later task than the one its text arrived in (pages never pile up in one task)', async () => {
    const order: string[] = [];
    const t = new FakeTransport(() => Response.json({ images: [WEB_3] }));
    setTimeout(() => order.push('a task queued before'), 0);
    for await (const page of new GlanceClient(t).pages()) order.push(`page ${page.length}`);
    expect(order).toEqual(['a task queued before', 'page 1']);
  });

  it('aborts the page it asked for ahead when the caller stops early', async () => {
    const t = new FakeTransport(() =>
      Response.json({ images: [WEB_3], next: `/v2/images?marker=${Math.random()}` }),
    );
    for await (const page of new GlanceClient(t).pages()) {
      expect(page).toHaveLength(1);
      break;
    }
    expect(t.sent).toHaveLength(2);
    expect(t.sent[1]!.init.signal?.aborted).toBe(true);
  });
});

describe('nextLinkFromTail', () => {
  it('reads the next link Glance writes last, escapes included, and nothing else', () => {
    expect(nextLinkFromTail(String.raw`{"images": [], "next": "/v2/images?marker=a\u0026b&limit=2"}`)).toBe(
      '/v2/images?marker=a&b&limit=2',
    );
    expect(nextLinkFromTail('{"images": [], "schema": "/v2/schemas/images"}')).toBeNull();
    expect(
      nextLinkFromTail(`{"next": "/v2/images?marker=x", "images": [${'"a",'.repeat(2000)}"a"]}`),
    ).toBeNull();
    expect(nextLinkFromTail('{"images": [], "next": 3}')).toBeNull();
  });
});

describe('GlanceClient single-image calls', () => {
  it('gets an image by id', async () => {
    const t = new FakeTransport(() => Response.json(WEB_3));
    const img = await new GlanceClient(t).getImage(WEB_3.id);
    expect(img.instance_uuid).toBe('e6b31340-0582-4cd4-9e3b-b0cb3c295583');
    expect(t.last().path).toBe(`/v2/images/${WEB_3.id}`);
  });

  it('throws not_found with the real Glance message for a missing image', async () => {
    const t = new FakeTransport(() => recordedResponse('glance-error-404'));
    const e = await rejection(new GlanceClient(t).getImage('00000000-0000-0000-0000-000000000000'));
    expect(e.envelope).toMatchObject({
      code: 'not_found',
      message: 'No image found with ID 00000000-0000-0000-0000-000000000000',
      requestId: 'req-6b9c0377-e852-4f92-8691-54f406ae8ad2',
    });
  });

  it('creates an image with a JSON POST', async () => {
    const t = new FakeTransport(() => Response.json({ ...WEB_3, status: 'queued' }, { status: 201 }));
    const img = await new GlanceClient(t).createImage({
      name: 'x',
      disk_format: 'qcow2',
      container_format: 'bare',
    });
    expect(img.status).toBe('queued');
    const req = t.last();
    expect([req.method, req.path, req.headers.get('Content-Type')]).toEqual([
      'POST',
      '/v2/images',
      'application/json',
    ]);
    expect(JSON.parse(req.init.body as string)).toEqual({
      name: 'x',
      disk_format: 'qcow2',
      container_format: 'bare',
    });
  });

  it('patches with the Glance JSON-patch media type', async () => {
    const t = new FakeTransport(() => Response.json({ ...WEB_3, image_type: 'golden' }));
    const ops = [
      { op: 'replace' as const, path: '/image_type', value: 'golden' },
      { op: 'remove' as const, path: '/instance_uuid' },
    ];
    const img = await new GlanceClient(t).updateImage(WEB_3.id, ops);
    expect(img.image_type).toBe('golden');
    const req = t.last();
    expect(req.method).toBe('PATCH');
    expect(req.headers.get('Content-Type')).toBe('application/openstack-images-v2.1-json-patch');
    expect(JSON.parse(req.init.body as string)).toEqual(ops);
  });

  it('maps the real 409 of removing a missing property', async () => {
    const t = new FakeTransport(() => recordedResponse('glance-error-patch-remove-missing'));
    const e = await rejection(
      new GlanceClient(t).updateImage('i', [{ op: 'remove', path: '/no_such_property' }]),
    );
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('Property no_such_property does not exist.');
  });

  it('adds and removes tags with the tag URL-encoded', async () => {
    const t = new FakeTransport(() => noContent());
    const g = new GlanceClient(t);
    await g.addTag('i1', 'release candidate/1');
    await g.removeTag('i1', 'golden');
    expect(t.sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /v2/images/i1/tags/release%20candidate%2F1',
      'DELETE /v2/images/i1/tags/golden',
    ]);
  });

  it('deletes, and reports the real 403 of a protected image', async () => {
    const ok = new FakeTransport(() => noContent());
    await new GlanceClient(ok).deleteImage('i1');
    expect(`${ok.last().method} ${ok.last().path}`).toBe('DELETE /v2/images/i1');
    const prot = new FakeTransport(() => recordedResponse('glance-error-delete-protected'));
    const e = await rejection(new GlanceClient(prot).deleteImage('411aa884-b700-4524-a40e-d16f0681eb19'));
    expect(e.envelope).toMatchObject({ code: 'forbidden', status: 403 });
  });

  it('deactivates and reactivates through the actions URLs', async () => {
    const t = new FakeTransport(() => noContent());
    const g = new GlanceClient(t);
    await g.deactivate('i1');
    await g.reactivate('i1');
    expect(t.sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v2/images/i1/actions/deactivate',
      'POST /v2/images/i1/actions/reactivate',
    ]);
  });

  it('passes an envelope from our proxy through as the error', async () => {
    const envelope = {
      code: 'read_only',
      message: 'The dashboard is read-only',
      service: 'proxy',
      status: 403,
      requestId: null,
    };
    const t = new FakeTransport(() => Response.json(envelope, { status: 403 }));
    const e = await rejection(new GlanceClient(t).deleteImage('i1'));
    expect(e.envelope).toEqual(envelope);
  });
});

describe('GlanceClient image data', () => {
  it('uploads a stream as application/octet-stream with duplex half', async () => {
    const t = new FakeTransport(() => noContent());
    const stream = new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    await new GlanceClient(t).uploadData('i1', stream, { size: 10 });
    const req = t.last();
    expect([req.method, req.path]).toEqual(['PUT', '/v2/images/i1/file']);
    expect(req.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(req.headers.get('Content-Length')).toBe('10');
    expect(req.init.duplex).toBe('half');
    expect(req.init.body).toBe(stream);
  });

  it('uploads bytes without duplex', async () => {
    const t = new FakeTransport(() => noContent());
    await new GlanceClient(t).uploadData('i1', new Uint8Array([1, 2, 3]));
    expect(t.last().init.duplex).toBeUndefined();
    expect(t.last().init.body).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('reports a second upload (409) as conflict', async () => {
    const t = new FakeTransport(() =>
      Response.json(
        {
          message: 'Image status transition from active to saving is not allowed<br /><br />',
          code: '409 Conflict',
          title: 'Conflict',
        },
        { status: 409 },
      ),
    );
    const e = await rejection(new GlanceClient(t).uploadData('i1', new Uint8Array([1])));
    expect(e.message).toBe('Image status transition from active to saving is not allowed');
  });

  it('returns the download Response before the data has finished arriving (streamed, not buffered)', async () => {
    let finish: () => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2]));
        finish = () => {
          c.enqueue(new Uint8Array([3]));
          c.close();
        };
      },
    });
    const t = new FakeTransport(() => new Response(body, { status: 200, headers: { 'Content-MD5': 'x' } }));
    const res = await new GlanceClient(t).downloadData('i1');
    expect(t.last().path).toBe('/v2/images/i1/file');
    expect(t.last().headers.get('Accept')).toMatch(/^application\/octet-stream/);
    finish();
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('throws the mapped error when the download is refused', async () => {
    const t = new FakeTransport(
      () =>
        new Response(
          '<html><body><h1>403 Forbidden</h1>Not allowed to download a deactivated image.</body></html>',
          { status: 403, headers: { 'content-type': 'text/html' } },
        ),
    );
    const e = await rejection(new GlanceClient(t).downloadData('i1'));
    expect(e.envelope).toMatchObject({
      code: 'forbidden',
      message: 'Not allowed to download a deactivated image.',
    });
  });
});
