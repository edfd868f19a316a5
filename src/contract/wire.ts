/**
 * Raw calls through a session's Transport, for the contract checks that are about the wire itself
 * (status codes, link shapes, headers) rather than about what the typed clients make of them.
 */
import type { ApiService, Transport } from '../openstack/transport';
import { NOVA_MICROVERSION } from '../openstack/types';

export interface WireResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function wire<T = unknown>(
  t: Transport,
  service: ApiService,
  path: string,
  init: RequestInit = {},
): Promise<WireResponse<T>> {
  const headers = new Headers(init.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  if (service === 'compute' && !headers.has('OpenStack-API-Version'))
    headers.set('OpenStack-API-Version', `compute ${NOVA_MICROVERSION}`);
  const res = await t.request(service, path, { ...init, headers });
  const text = await res.text();
  let body: unknown = text;
  if (text && (res.headers.get('content-type') ?? '').includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

export function jsonBody(value: unknown, contentType = 'application/json'): RequestInit {
  return { body: JSON.stringify(value), headers: { 'Content-Type': contentType } };
}
