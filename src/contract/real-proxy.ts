/**
 * The proxy under test on a real cloud: `createApp` in-process over a Keystone session (the same wiring as
 * `npm start`, without listen()), and requests sent the way the SPA sends them (same origin, the app
 * header on mutating requests). Also polls the job API until a job ends.
 */
import type { Hono } from 'hono';
import { createApp } from '../server/app';
import type { AppDeps, AppEnv } from '../server/app-deps';
import { createMemoryAuditLog } from '../server/audit-log';
import type { JobView } from '../wire/jobs';
import { proxySettings } from '../server/settings';
import { realSleep, waitFor } from './wait-for';

export const PROXY_PORT = 8375;
export const PROXY_ORIGIN = `http://127.0.0.1:${PROXY_PORT}`;

export interface RealProxy {
  app: Hono<AppEnv>;
  audit: AppDeps['audit'];
  /** A request to the proxy; mutating methods carry `X-Glance-Lineage: 1` and the proxy's Origin. */
  send(
    method: string,
    path: string,
    init?: { json?: unknown; body?: string; contentType?: string; cookie?: string },
  ): Promise<Response>;
  /** GET and parse JSON, failing with the proxy's answer when it is not 2xx. */
  getJson<T>(path: string, cookie?: string): Promise<T>;
  /** Polls `GET /api/jobs/:id` until the job is no longer running (or cancelling). */
  waitForJob(id: string, timeoutMs?: number): Promise<JobView>;
}

export function realProxy(deps: Pick<AppDeps, 'upstream'> & Partial<Omit<AppDeps, 'upstream'>>): RealProxy {
  const audit = deps.audit ?? createMemoryAuditLog();
  const app = createApp({ settings: proxySettings({ port: PROXY_PORT }), mode: 'cloud', ...deps, audit });

  const send: RealProxy['send'] = async (method, path, init = {}) => {
    const headers = new Headers();
    if (method !== 'GET' && method !== 'HEAD') {
      headers.set('x-glance-lineage', '1');
      headers.set('origin', PROXY_ORIGIN);
    }
    if (init.cookie) headers.set('cookie', init.cookie);
    let body: string | undefined = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers.set('content-type', init.contentType ?? 'application/json');
    } else if (init.contentType) headers.set('content-type', init.contentType);
    return app.request(`${PROXY_ORIGIN}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
  };

  const getJson = async <T>(path: string, cookie?: string): Promise<T> => {
    const res = await send('GET', path, cookie ? { cookie } : {});
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  const waitForJob = (id: string, timeoutMs = 180_000) =>
    waitFor(
      () => getJson<JobView>(`/api/jobs/${id}`),
      (j) => j.status !== 'running' && j.status !== 'cancelling',
      { what: `job ${id} to end`, timeoutMs, intervalMs: 500, sleep: realSleep },
    );

  return { app, audit, send, getJson, waitForJob };
}
