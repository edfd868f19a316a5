/**
 * Child process of the bench: one `generated` simulator, served twice over loopback HTTP so both paths
 * cross the same process boundary:
 *   --port P      the proxy (createApp, the same app `npm start` serves) in demo mode over the simulator;
 *   --raw-port R  the simulator's own Keystone/Glance/Nova, unproxied (`/identity/v3`, `/image`, `/compute/v2.1`),
 *                 for the plain-HTTP floor.
 * Prints `ready <images> images <servers> servers` when both listen.
 */
import { serve } from '@hono/node-server';
import { parseArgs } from 'node:util';
import { KeystoneSession } from '../src/openstack/session';
import { createApp } from '../src/server/app';
import { createMemoryAuditLog } from '../src/server/audit-log';
import { proxySettings } from '../src/server/settings';
import { createSimulator, SIM_ORIGIN, simCloudConfig } from '../src/sim';

const { values } = parseArgs({
  options: {
    images: { type: 'string', default: '10000' },
    servers: { type: 'string', default: '2000' },
    port: { type: 'string' },
    'raw-port': { type: 'string' },
  },
});
const images = Number(values.images);
const servers = Number(values.servers);
const port = Number(values.port);
const rawPort = Number(values['raw-port']);

const sim = createSimulator({ scenario: 'generated', generated: { images, servers } });
const session = await KeystoneSession.open(simCloudConfig('admin'), {
  fetch: (input, init) => sim.fetch(input, init),
});
const app = createApp({
  upstream: session,
  settings: proxySettings({ port }),
  audit: createMemoryAuditLog(),
  staticDir: null,
  sim: null,
  mode: 'demo',
});

let listening = 0;
const onListen = (): void => {
  if (++listening === 2) process.stdout.write(`ready ${images} images ${servers} servers\n`);
};
const proxy = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, onListen);
const raw = serve(
  {
    fetch: async (req: Request) => {
      const url = new URL(req.url);
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await req.arrayBuffer();
      return sim.fetch(`${SIM_ORIGIN}${url.pathname}${url.search}`, {
        method: req.method,
        headers: req.headers,
        body,
      });
    },
    port: rawPort,
    hostname: '127.0.0.1',
  },
  onListen,
);

const stop = (): void => {
  proxy.close();
  raw.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
