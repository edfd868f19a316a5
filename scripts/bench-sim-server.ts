/**
 * Child process of the bench, in one of two roles, so the simulator and the proxy run in processes of
 * their own and talk over loopback HTTP, as the proxy and a real cloud do:
 *   --raw-port R --images N --servers M
 *       one `generated` simulator, its own Keystone/Glance/Nova served unproxied (`/identity/v3`, `/image`,
 *       `/compute/v2.1`): the cloud, and the plain-HTTP floor's target. Prints `ready N images M servers`.
 *   --port P --sim-url http://127.0.0.1:R
 *       the proxy (createApp, the same app `npm start` serves) over that simulator: its Keystone session
 *       reaches the simulator's catalog URLs through Node's HTTP client on port R. Prints `ready proxy`.
 */
import { parseArgs } from 'node:util';
import { KeystoneSession } from '../src/openstack/session';
import { createApp } from '../src/server/app';
import { createMemoryAuditLog } from '../src/server/audit-log';
import { serveApp } from '../src/server/node-serve';
import { proxySettings } from '../src/server/settings';
import { serveSimulator, simulatorHttpFetch } from '../src/server/sim-over-http';
import { createSimulator, simCloudConfig } from '../src/sim';

const { values } = parseArgs({
  options: {
    images: { type: 'string', default: '10000' },
    servers: { type: 'string', default: '2000' },
    port: { type: 'string' },
    'raw-port': { type: 'string' },
    'sim-url': { type: 'string' },
  },
});

function serveRawSimulator(rawPort: number): void {
  const images = Number(values.images);
  const servers = Number(values.servers);
  const sim = createSimulator({ scenario: 'generated', generated: { images, servers } });
  serveSimulator(sim, { port: rawPort }, () =>
    process.stdout.write(`ready ${images} images ${servers} servers\n`),
  );
}

async function serveProxy(port: number, simUrl: string): Promise<void> {
  const session = await KeystoneSession.open(simCloudConfig('admin'), { fetch: simulatorHttpFetch(simUrl) });
  const app = createApp({
    upstream: session,
    settings: proxySettings({ port }),
    audit: createMemoryAuditLog(),
    staticDir: null,
    sim: null,
    mode: 'demo',
  });
  serveApp(app, { port, hostname: '127.0.0.1' }, () => process.stdout.write('ready proxy\n'));
}

if (values['raw-port']) serveRawSimulator(Number(values['raw-port']));
else if (values.port && values['sim-url']) await serveProxy(Number(values.port), values['sim-url']);
else throw new Error('bench-sim-server: give --raw-port R, or --port P --sim-url http://127.0.0.1:R');

const stop = (): void => process.exit(0);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
