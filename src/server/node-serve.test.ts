/**
 * serveApp's pass-through: an upstream body nothing has read is piped from the upstream socket straight
 * into the browser's, with the headers the app's middleware set; anything else is served as serve() does.
 * Everything here crosses real loopback sockets: the simulator as a cloud on its own port, the proxy on
 * another, the test as the browser.
 */
import type { ServerType } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../openstack/fetch-like';
import { GlanceClient } from '../openstack/glance';
import { KeystoneSession } from '../openstack/session';
import type { GlanceImage, GlanceImageList } from '../openstack/types/glance';
import { createSimulator, simCloudConfig } from '../sim';
import { createApp } from './app';
import { createMemoryAuditLog } from './audit-log';
import { sendUpstreamBody, serveApp } from './node-serve';
import { defaultAllowedHosts, proxySettings } from './settings';
import { serveSimulator, simulatorHttpFetch } from './sim-over-http';

const APP = { 'x-glance-lineage': '1' };

function listen(start: (onListen: (info: AddressInfo) => void) => ServerType): Promise<{
  server: ServerType;
  port: number;
}> {
  return new Promise((resolve) => {
    const server = start((info) => resolve({ server, port: info.port }));
  });
}

function close(server: ServerType | http.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('serveApp over a simulator reached by HTTP', () => {
  const sim = createSimulator({ scenario: 'generated', generated: { images: 2500, servers: 50 } });
  const settings = proxySettings({ port: 0 });
  let simServer: ServerType;
  let proxyServer: ServerType;
  let simUrl = '';
  let base = '';

  beforeAll(async () => {
    const s = await listen((cb) => serveSimulator(sim, { port: 0 }, cb));
    simServer = s.server;
    simUrl = `http://127.0.0.1:${s.port}`;
    const session = await KeystoneSession.open(simCloudConfig('admin'), {
      fetch: simulatorHttpFetch(simUrl),
    });
    const app = createApp({
      upstream: session,
      settings,
      audit: createMemoryAuditLog(),
      staticDir: null,
      sim: null,
      mode: 'demo',
    });
    const p = await listen((cb) => serveApp(app, { port: 0, hostname: '127.0.0.1' }, cb));
    proxyServer = p.server;
    settings.allowedHosts = defaultAllowedHosts(p.port);
    base = `http://127.0.0.1:${p.port}`;
  });

  afterAll(async () => {
    await close(proxyServer);
    await close(simServer);
  });

  it('passes every 1,000-image page through whole, with the middleware headers and the upstream request id', async () => {
    let path: string | undefined = '/v2/images?limit=1000';
    const ids: string[] = [];
    while (path) {
      const res: Response = await fetch(`${base}/api/image${path}`, { headers: APP });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-request-id')).toMatch(/^req-/);
      expect(res.headers.get('x-openstack-request-id')).toMatch(/^req-/);
      const text = await res.text();
      expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
      const page = JSON.parse(text) as GlanceImageList;
      ids.push(...page.images.map((i) => i.id));
      path = page.images.length > 0 ? page.next : undefined;
    }
    // The same listing straight from the simulator, in-process: the proxy lost and duplicated nothing.
    const direct = await KeystoneSession.open(simCloudConfig('admin'), {
      fetch: (input, init) => sim.fetch(input, init),
    });
    const expected = (await new GlanceClient(direct).listImages()).map((i) => i.id);
    expect(expected.length).toBeGreaterThan(2000);
    expect(ids).toEqual(expected);
  });

  it('still maps an upstream error to the envelope (that body is read, not piped)', async () => {
    const res = await fetch(`${base}/api/image/v2/images/00000000-0000-0000-0000-000000000000`, {
      headers: APP,
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ service: 'image', status: 404, code: 'not_found' });
  });

  it('streams image data up and back down unchanged', async () => {
    const headers = { ...APP, origin: base };
    const created = await fetch(`${base}/api/image/v2/images`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'piped', disk_format: 'raw', container_format: 'bare' }),
    });
    const { id } = (await created.json()) as GlanceImage;
    const data = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7 + (i >> 10)) & 0xff);
    const put = await fetch(`${base}/api/image/v2/images/${id}/file`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: data,
    });
    expect(put.status).toBe(204);
    const got = new Uint8Array(
      await (await fetch(`${base}/api/image/v2/images/${id}/file`, { headers: APP })).arrayBuffer(),
    );
    expect(got.byteLength).toBe(data.byteLength);
    expect(Buffer.compare(Buffer.from(got), Buffer.from(data))).toBe(0);
  });
});

describe('sendUpstreamBody', () => {
  /** An upstream that answers `/slow` with a body that never ends, and tells when its side closed. */
  let upstream: http.Server;
  let upstreamUrl = '';
  let slowClosed: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    let markClosed = (): void => undefined;
    slowClosed = new Promise((resolve) => (markClosed = resolve));
    upstream = http.createServer((req, res) => {
      if (req.url === '/slow') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const timer = setInterval(() => res.write(Buffer.alloc(1024, 1)), 5);
        res.on('close', () => {
          clearInterval(timer);
          markClosed();
        });
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5' });
      res.end('hello');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });

  afterAll(() => close(upstream));

  it('takes over only an unread body of the Node client; others go back to serve() as they are', async () => {
    const nodeFetch = createNodeFetch({});
    const outgoing = new http.ServerResponse(new http.IncomingMessage(null as never));
    const plain = new Response('x');
    expect(sendUpstreamBody(plain, outgoing)).toBe(plain);
    const read = await nodeFetch(`${upstreamUrl}/`);
    expect(await read.text()).toBe('hello');
    expect(sendUpstreamBody(read, outgoing)).toBe(read);
    const locked = await nodeFetch(`${upstreamUrl}/`);
    const reader = locked.body!.getReader();
    expect(sendUpstreamBody(locked, outgoing)).toBe(locked);
    await reader.cancel();
  });

  it('when the browser goes away mid-body, the upstream connection is closed too', async () => {
    const nodeFetch = createNodeFetch({});
    const front = http.createServer((_req, res) => {
      void nodeFetch(`${upstreamUrl}/slow`).then((up) => {
        expect(sendUpstreamBody(up, res)).toBe(RESPONSE_ALREADY_SENT);
      });
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    const port = (front.address() as AddressInfo).port;
    const ac = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/`, { signal: ac.signal });
    const reader = res.body!.getReader();
    await reader.read();
    ac.abort();
    await slowClosed;
    front.closeAllConnections();
    await close(front);
  });
});
