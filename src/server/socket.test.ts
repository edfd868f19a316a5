/**
 * The proxy over a real socket (127.0.0.1, any free port): streamed upload and download of image data
 * through node:http, and the Host check seeing the real Host header.
 */
import { serve, type ServerType } from '@hono/node-server';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlanceImage } from '../openstack/types/glance';
import { defaultAllowedHosts, proxySettings } from './settings';
import { simStack } from './sim-stack';

const SIZE = 8 * 1024 * 1024;

function pattern(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 131 + (i >> 12)) & 0xff;
  return b;
}

function rawGet(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('proxy over a real socket', () => {
  const settings = proxySettings({ port: 0 });
  let server: ServerType;
  let base = '';
  let port = 0;

  beforeAll(async () => {
    const { app } = await simStack({ settings });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        port = info.port;
        settings.allowedHosts = defaultAllowedHosts(port);
        base = `http://127.0.0.1:${port}`;
        resolve();
      });
    });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('streams 8 MiB up into Glance and back down unchanged', async () => {
    const headers = { 'x-glance-lineage': '1', origin: base };
    const created = await fetch(`${base}/api/image/v2/images`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'big', disk_format: 'raw', container_format: 'bare' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as GlanceImage;

    const data = pattern(SIZE);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= SIZE) return controller.close();
        controller.enqueue(data.subarray(sent, sent + 65536));
        sent += 65536;
      },
    });
    const put = await fetch(`${base}/api/image/v2/images/${id}/file`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(put.status).toBe(204);

    const get = await fetch(`${base}/api/image/v2/images/${id}/file`);
    expect(get.status).toBe(200);
    expect(get.headers.get('connection')).not.toMatch(/upgrade/i);
    const back = new Uint8Array(await get.arrayBuffer());
    expect(back.length).toBe(SIZE);
    expect(Buffer.compare(Buffer.from(back), Buffer.from(data))).toBe(0);
  });

  it('checks the Host header the client really sent', async () => {
    expect(await rawGet(port, '/api/health', `127.0.0.1:${port}`)).toBe(200);
    expect(await rawGet(port, '/api/health', `localhost:${port}`)).toBe(200);
    expect(await rawGet(port, '/api/health', `rebind.attacker.example:${port}`)).toBe(403);
  });
});
