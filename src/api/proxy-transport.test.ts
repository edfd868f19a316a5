import { describe, expect, it, vi } from 'vitest';
import { createProxyTransport } from './proxy-transport';

describe('createProxyTransport', () => {
  it('sends every request to /api/<service><path> with the app header, keeping the caller’s headers', async () => {
    const fetchFn = vi.fn<typeof fetch>().mockResolvedValue(new Response('{}'));
    const transport = createProxyTransport('/api', fetchFn);
    await transport.request('image', '/v2/images/abc', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/openstack-images-v2.1-json-patch' },
      body: '[]',
    });
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('/api/image/v2/images/abc');
    expect(init?.method).toBe('PATCH');
    const headers = new Headers(init?.headers);
    expect(headers.get('X-Glance-Lineage')).toBe('1');
    expect(headers.get('Content-Type')).toBe('application/openstack-images-v2.1-json-patch');
  });

  it('routes compute calls to the compute prefix', async () => {
    const fetchFn = vi.fn<typeof fetch>().mockResolvedValue(new Response('{}'));
    await createProxyTransport('/api', fetchFn).request('compute', '/servers/detail');
    expect(fetchFn.mock.calls[0]?.[0]).toBe('/api/compute/servers/detail');
  });
});
