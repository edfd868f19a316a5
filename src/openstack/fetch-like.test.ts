import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFetch } from './fetch-like';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let base = '';
const seen: Seen[] = [];
const sockets = new Set<string>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    sockets.add(`${req.socket.remotePort}`);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      if (req.url === '/json') {
        res.writeHead(200, { 'content-type': 'application/json', 'x-openstack-request-id': 'req-1' });
        res.end('{"ok":true}');
      } else if (req.url === '/empty') {
        res.writeHead(204);
        res.end();
      } else if (req.url === '/stream') {
        // First chunk now, the rest only when the client has seen the first one.
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.write('first;');
        streamContinue = () => res.end('second');
      } else if (req.url === '/hang') {
        res.writeHead(200);
        res.write('partial');
      } else if (req.url === '/echo') {
        res.writeHead(201, { 'content-type': 'text/plain' });
        res.end(Buffer.concat(chunks));
      } else {
        res.writeHead(404);
        res.end('nope');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

let streamContinue: () => void = () => undefined;

describe('createNodeFetch', () => {
  it('returns a web Response with status, headers and a JSON body', async () => {
    const f = createNodeFetch({});
    const res = await f(`${base}/json`, { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Openstack-Request-Id')).toBe('req-1');
    expect(await res.json()).toEqual({ ok: true });
    expect(res.url).toBe(`${base}/json`);
    expect(seen.at(-1)?.headers.accept).toBe('application/json');
  });

  it('gives a null body for 204', async () => {
    const res = await createNodeFetch({})(`${base}/empty`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect(seen.at(-1)?.method).toBe('DELETE');
  });

  it('streams the response body: the first chunk arrives before the server has finished', async () => {
    const res = await createNodeFetch({})(`${base}/stream`);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('first;');
    streamContinue();
    let rest = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).toBe('second');
  });

  it('sends string, Uint8Array and ReadableStream request bodies', async () => {
    const f = createNodeFetch({});
    expect(await (await f(`${base}/echo`, { method: 'POST', body: 'hello' })).text()).toBe('hello');
    expect(await (await f(`${base}/echo`, { method: 'PUT', body: new Uint8Array([104, 105]) })).text()).toBe(
      'hi',
    );
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('str'));
        c.enqueue(new TextEncoder().encode('eam'));
        c.close();
      },
    });
    const res = await f(`${base}/echo`, { method: 'PUT', body: stream, duplex: 'half' } as RequestInit);
    expect(await res.text()).toBe('stream');
    expect(seen.at(-1)?.headers['transfer-encoding']).toBe('chunked');
  });

  it('accepts a Request object as input', async () => {
    const res = await createNodeFetch({})(
      new Request(`${base}/echo`, { method: 'POST', body: 'from-request' }),
    );
    expect(await res.text()).toBe('from-request');
  });

  it('with keepAlive=false sends Connection: close and uses a new connection per request', async () => {
    const f = createNodeFetch({ keepAlive: false });
    sockets.clear();
    await (await f(`${base}/json`)).text();
    expect(seen.at(-1)?.headers.connection).toBe('close');
    await (await f(`${base}/json`)).text();
    expect(sockets.size).toBe(2);
  });

  it('with keep-alive reuses the connection', async () => {
    const f = createNodeFetch({ keepAlive: true });
    sockets.clear();
    await (await f(`${base}/json`)).text();
    await (await f(`${base}/json`)).text();
    expect(sockets.size).toBe(1);
    expect(seen.at(-1)?.headers.connection).toBe('keep-alive');
  });

  it('rejects with a TypeError whose cause has code ECONNREFUSED when nothing listens', async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const err = await createNodeFetch({})(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as TypeError & { cause: { code: string } }).cause.code).toBe('ECONNREFUSED');
  });

  it('rejects with the abort reason when the signal fires before the response', async () => {
    const ac = new AbortController();
    const p = createNodeFetch({})(`${base}/never-sent`, { signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    const timeout = createNodeFetch({})(`${base}/json`, {
      signal: AbortSignal.abort(new DOMException('t', 'TimeoutError')),
    });
    await expect(timeout).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('errors the body stream when aborted after the headers arrived', async () => {
    const ac = new AbortController();
    const res = await createNodeFetch({})(`${base}/hang`, { signal: ac.signal });
    const reader = res.body!.getReader();
    await reader.read();
    ac.abort();
    await expect(reader.read()).rejects.toBeDefined();
  });

  it('fails clearly when the CA bundle cannot be read', () => {
    expect(() => createNodeFetch({ cacert: 'no-such-dir/ca.pem' })).toThrow(/CA bundle no-such-dir\/ca.pem/);
  });
});
