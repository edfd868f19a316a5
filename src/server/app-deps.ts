import type { SessionInfo } from '../openstack/cloud-config';
import type { Transport } from '../openstack/transport';
import type { AuditLog } from './audit-log';
import type { JobRouteOptions } from './jobs/job-routes';
import type { ProxySettings } from './settings';
import type { SimControls } from './sim-controls';
import type { TeamMode } from './team/team-mode';

/** Everything createApp needs; main.ts and the Vite plugin wire real ones, tests wire the simulator. */
export interface AppDeps {
  /** The Keystone session (real cloud or simulator): adds the token, renews it, knows the catalog. */
  upstream: Transport & { info(): SessionInfo };
  settings: ProxySettings;
  audit: AuditLog;
  /** The Vite build output to serve (with index.html fallback); null/undefined = API only. */
  staticDir?: string | null;
  /** Test controls (`/api/_sim/*`), only in demo mode started with `--test-controls`. */
  sim?: SimControls | null;
  mode: 'demo' | 'cloud';
  /** Job registry and timings (tests); by default each app has its own registry. */
  jobs?: JobRouteOptions;
  /** Team mode (sign-in, one Keystone session per person); then `upstream` is `personUpstream`, which
   *  acts as the person of the current request. Null/undefined = personal mode. */
  team?: TeamMode | null;
  /** One line per request (already redacted). */
  log?: (line: string) => void;
}

/** Hono environment of the proxy app: each request carries the id it is answered and audited with. */
export type AppEnv = { Variables: { requestId: string } };
