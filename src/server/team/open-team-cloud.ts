/**
 * The cloud people sign in to in team mode: the configured cloud's Keystone (auth_url, region, interface,
 * TLS settings from clouds.yaml / OS_*; its own credentials are never used), or the built-in simulator's
 * Keystone in demo mode. Nobody is authenticated here: that happens at each person's sign-in.
 */
import { loadCloudConfig } from '../../openstack/config';
import { createSimulator, simCloudConfig } from '../../sim';
import type { OpenUpstreamOptions } from '../open-upstream';
import type { SimControls } from '../sim-controls';
import type { TeamCloud } from './person-session';

export interface OpenedTeamCloud {
  cloud: TeamCloud;
  mode: 'demo' | 'cloud';
  sim: SimControls | null;
}

export function openTeamCloud(opts: Omit<OpenUpstreamOptions, 'demoUser'> = {}): OpenedTeamCloud {
  const config = opts.demo
    ? null
    : loadCloudConfig({
        ...(opts.cloud ? { cloud: opts.cloud } : {}),
        ...(opts.env ? { env: opts.env } : {}),
        ...(opts.cwd ? { cwd: opts.cwd } : {}),
      });
  if (config) return { cloud: { config }, mode: 'cloud', sim: null };
  const sim = createSimulator({ scenario: 'demo' });
  return {
    cloud: { config: simCloudConfig('admin'), fetch: (input, init) => sim.fetch(input, init) },
    mode: 'demo',
    sim,
  };
}
