/**
 * The browser-safe public surface of src/openstack: wire types, errors and their mapping, the Transport
 * interface and the typed Glance/Nova clients. Node-only parts (fetch with CA files, clouds.yaml, the
 * Keystone session) are in `./node`.
 */
export * from './types';
export * from './errors';
export {
  codeForStatus,
  errorFromNetwork,
  errorFromResponse,
  requestIdOf,
  serviceLabel,
  toEnvelope,
} from './error-mapping';
export type { ApiService, Transport } from './transport';
export type { AuthType, CloudAuth, CloudConfig, EndpointInterface, SessionInfo } from './cloud-config';
export { ensureOk, expectNoContent, queryOf, readJson } from './response';
export { GlanceClient } from './glance';
export type { GlanceRequestOptions } from './glance';
export { NovaClient } from './nova';
export type { NovaCreateServerBody, NovaListOptions } from './nova';
