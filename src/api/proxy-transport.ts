import type { ApiService, Transport } from '../openstack/transport';

/** The header every request to our proxy carries; the proxy refuses mutating requests without it (CSRF). */
export const APP_HEADER = 'X-Glance-Lineage';

/**
 * The browser's Transport: every OpenStack call goes to our proxy at `/api/<service><path>`.
 * `fetchFn` is looked up at call time so tests can stub the global fetch.
 */
export function createProxyTransport(base = '/api', fetchFn?: typeof fetch): Transport {
  return {
    request(service: ApiService, path: string, init: RequestInit = {}): Promise<Response> {
      const headers = new Headers(init.headers);
      headers.set(APP_HEADER, '1');
      const doFetch = fetchFn ?? globalThis.fetch;
      return doFetch(`${base}/${service}${path}`, { ...init, headers });
    },
  };
}

/** The transport the app's queries use. */
export const proxyTransport: Transport = createProxyTransport();
