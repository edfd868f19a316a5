/** Test wiring: the whole proxy (createApp) over a Keystone session on the simulator, in-process. */
import { createApp } from '../app';
import { createMemoryAuditLog } from '../audit-log';
import { KeystoneSession } from '../../openstack/session';
import { GlanceClient } from '../../openstack/glance';
import { NovaClient } from '../../openstack/nova';
import { createSimulator, simCloudConfig, type Simulator, type SimulatorOptions } from '../../sim';
import { proxySettings } from '../settings';
import { JobRegistry } from './job-registry';
import type { JobView } from '../../wire/jobs';

export const PORT = 8375;
export const ORIGIN = `http://127.0.0.1:${PORT}`;
export const HEADERS = { 'x-glance-lineage': '1', origin: ORIGIN, 'content-type': 'application/json' };

export async function simApp(opts: SimulatorOptions & { readOnly?: boolean } = {}) {
  const sim: Simulator = createSimulator({
    scenario: opts.scenario ?? 'demo',
    ...(opts.generated ? { generated: opts.generated } : {}),
  });
  const session = await KeystoneSession.open(simCloudConfig('admin'), { fetch: (i, n) => sim.fetch(i, n) });
  const audit = createMemoryAuditLog();
  const registry = new JobRegistry();
  const app = createApp({
    upstream: session,
    settings: proxySettings({ port: PORT, readOnly: opts.readOnly ?? false }),
    audit,
    mode: 'demo',
    jobs: { registry, retryDelayMs: 1 },
  });
  // A second session for the test's own changes to the cloud (not through the proxy, not audited).
  const own = await KeystoneSession.open(simCloudConfig('admin'), { fetch: (i, n) => sim.fetch(i, n) });
  const post = (path: string, body?: unknown) =>
    app.request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: HEADERS,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const get = (path: string) => app.request(`${ORIGIN}${path}`);
  const job = async (id: string) => (await (await get(`/api/jobs/${id}`)).json()) as JobView;
  const idle = async (id: string) => {
    await registry.get(id, session.info().user.id)?.whenIdle();
    return job(id);
  };
  return {
    sim,
    app,
    audit,
    registry,
    post,
    get,
    job,
    idle,
    glance: new GlanceClient(own),
    nova: new NovaClient(own),
  };
}

export type SimApp = Awaited<ReturnType<typeof simApp>>;
