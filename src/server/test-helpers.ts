/**
 * Test wiring for the proxy: an app over a recording fake upstream (for rules that do not depend on
 * OpenStack behaviour), and request helpers that send what the SPA sends.
 */
import type { SessionInfo } from '../openstack/cloud-config';
import type { ApiService } from '../openstack/transport';
import { createApp } from './app';
import type { AppDeps } from './app-deps';
import { createMemoryAuditLog } from './audit-log';
import { proxySettings } from './settings';

export const TEST_PORT = 8375;
export const ORIGIN = `http://127.0.0.1:${TEST_PORT}`;

export const fakeSessionInfo: SessionInfo = {
  cloud: 'fake',
  region: 'RegionOne',
  authUrl: 'http://keystone.invalid/v3',
  user: { id: 'u-1', name: 'admin', domain: 'Default' },
  project: { id: 'p-1', name: 'admin', domain: 'Default' },
  roles: ['admin'],
  isAdmin: true,
  expiresAt: '2099-01-01T00:00:00Z',
};

export interface RecordedUpstreamCall {
  service: ApiService;
  path: string;
  method: string;
  headers: Headers;
  body: string | null;
}

export type FakeHandler = (call: RecordedUpstreamCall) => Response | Promise<Response>;

/** A Transport that records each call (body read in full) and answers with `handler`. */
export function fakeUpstream(handler: FakeHandler = () => Response.json({ images: [] })) {
  const calls: RecordedUpstreamCall[] = [];
  return {
    calls,
    info: () => fakeSessionInfo,
    async request(service: ApiService, path: string, init?: RequestInit): Promise<Response> {
      const req = new Request(`http://upstream.invalid${path}`, init);
      const body = init?.body == null ? null : await req.text();
      const call = { service, path, method: req.method, headers: new Headers(init?.headers), body };
      calls.push(call);
      return handler(call);
    },
  };
}

export type FakeUpstream = ReturnType<typeof fakeUpstream>;

export function testApp(over: Partial<Omit<AppDeps, 'upstream'>> & { upstream?: FakeUpstream } = {}) {
  const upstream = over.upstream ?? fakeUpstream();
  const audit = over.audit ?? createMemoryAuditLog();
  const logs: string[] = [];
  const app = createApp({
    audit,
    settings: proxySettings({ port: TEST_PORT }),
    mode: 'demo',
    log: (line) => logs.push(line),
    ...over,
    upstream,
  });
  return { app, audit, logs, upstream };
}

/** Headers the SPA sends on a mutating request. */
export function appHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'x-glance-lineage': '1', origin: ORIGIN, ...extra };
}

export function url(path: string): string {
  return `${ORIGIN}${path}`;
}
