/**
 * Chooses and opens the upstream the proxy talks to: the configured cloud (clouds.yaml / OS_*), or the
 * built-in simulator when none is configured or demo mode is forced. Both go through KeystoneSession, so
 * demo mode exercises the same code path as a real cloud. Shared by main.ts and the Vite dev plugin.
 */
import type { SessionInfo } from '../openstack/cloud-config';
import { loadCloudConfig } from '../openstack/config';
import { KeystoneSession } from '../openstack/session';
import { createSimulator, simCloudConfig } from '../sim';
import type { DemoUser } from './flags';
import type { SimControls } from './sim-controls';

export interface OpenUpstreamOptions {
  cloud?: string | null;
  demo?: boolean;
  demoUser?: DemoUser;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export interface OpenedUpstream {
  session: KeystoneSession;
  mode: 'demo' | 'cloud';
  /** The simulator behind the session in demo mode (for test controls), else null. */
  sim: SimControls | null;
}

/** Throws OpenStackError (config_error, auth_failed, upstream_unreachable, ...) with a one-line message. */
export async function openUpstream(opts: OpenUpstreamOptions = {}): Promise<OpenedUpstream> {
  const config = opts.demo
    ? null
    : loadCloudConfig({
        ...(opts.cloud ? { cloud: opts.cloud } : {}),
        ...(opts.env ? { env: opts.env } : {}),
        ...(opts.cwd ? { cwd: opts.cwd } : {}),
      });
  if (config) return { session: await KeystoneSession.open(config), mode: 'cloud', sim: null };
  const sim = createSimulator({ scenario: 'demo' });
  const session = await KeystoneSession.open(simCloudConfig(opts.demoUser ?? 'admin'), {
    fetch: (input, init) => sim.fetch(input, init),
  });
  return { session, mode: 'demo', sim };
}

/** `(demo cloud: built-in simulator)` or `(cloud lab, project admin, user admin)`. */
export function describeUpstream(mode: 'demo' | 'cloud', info: SessionInfo): string {
  if (mode === 'demo') return `demo cloud: built-in simulator, user ${info.user.name}`;
  return `cloud ${info.cloud}, project ${info.project?.name ?? '(none)'}, user ${info.user.name}`;
}
