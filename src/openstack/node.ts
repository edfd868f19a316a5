/** Node-only parts of src/openstack (node:http, node:fs, yaml), plus everything browser-safe from `./index`. */
export * from './index';
export { createNodeFetch } from './fetch-like';
export type { FetchLike, NodeFetchOptions } from './fetch-like';
export { configError, loadCloudConfig } from './config';
export type { LoadCloudConfigOptions } from './config';
export { authRequestBody, identityBase, KeystoneSession } from './session';
export type { KeystoneSessionOptions } from './session';
