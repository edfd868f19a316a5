/**
 * Test wiring of the real stack: the simulator behind a KeystoneSession (the same code path as a real
 * cloud), the proxy app over it, and a record of every token Keystone issued so tests can prove none of
 * them ever leaves the proxy.
 */
import { KeystoneSession } from '../openstack/session';
import { createSimulator, simCloudConfig, type SimUserName, type SimulatorOptions } from '../sim';
import { createApp } from './app';
import type { AppDeps } from './app-deps';
import { createMemoryAuditLog } from './audit-log';
import { proxySettings } from './settings';

export interface SimStackOptions extends Partial<Omit<AppDeps, 'upstream' | 'sim'>> {
  scenario?: SimulatorOptions['scenario'];
  user?: SimUserName;
  testControls?: boolean;
  port?: number;
}

export async function simStack(opts: SimStackOptions = {}) {
  const { scenario = 'demo', user = 'admin', testControls = false, port = 8375, ...over } = opts;
  const sim = createSimulator({ scenario });
  const issuedTokens: string[] = [];
  const session = await KeystoneSession.open(simCloudConfig(user), {
    fetch: async (input, init) => {
      const res = await sim.fetch(input, init);
      const token = res.headers.get('x-subject-token');
      if (token) issuedTokens.push(token);
      return res;
    },
  });
  const audit = over.audit ?? createMemoryAuditLog();
  const logs: string[] = [];
  const app = createApp({
    upstream: session,
    settings: proxySettings({ port }),
    audit,
    mode: 'demo',
    sim: testControls ? sim : null,
    log: (line) => logs.push(line),
    ...over,
  });
  return { app, sim, session, audit, logs, issuedTokens };
}
