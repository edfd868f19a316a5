/**
 * How the typed clients reach a service. In Node (proxy, CLI) a Keystone session implements it with the
 * catalog endpoint and the token; in the browser it goes through our proxy (`/api/<service><path>`).
 *
 * `path` is relative to the service's catalog endpoint: Glance's endpoint has no version
 * (`/v2/images?limit=1000`), Nova's includes it (`/servers/detail`).
 */
export type ApiService = 'image' | 'compute';

export interface Transport {
  request(service: ApiService, path: string, init?: RequestInit): Promise<Response>;
}
