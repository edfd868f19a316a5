/**
 * Child process of the bench, in one of three roles, so the simulated cloud and the proxy run in processes
 * of their own and talk over loopback HTTP, as the proxy and a real cloud do:
 *   --raw-port R --images N --servers M
 *       one `generated` simulator, its own Keystone/Glance/Nova served unproxied (`/identity/v3`, `/image`,
 *       `/compute/v2.1`): the cloud, and the plain-HTTP floor's target. Prints `ready N images M servers`.
 *   --nova-port C --keystone-url http://127.0.0.1:R --images N --servers M
 *       Nova in a process of its own, as in a real cloud: the same generated scenario (same seed, so the
 *       same servers and image ids), serving `/compute/v2.1` only. Like keystonemiddleware, it asks the
 *       Keystone at R about each new token (GET /v3/auth/tokens) and serves the admin's requests only: the
 *       bench's proxy signs in as the admin. Prints `ready nova`.
 *   --port P --sim-url http://127.0.0.1:R [--compute-url http://127.0.0.1:C] [--static DIR]
 *       the proxy (createApp, the same app `npm start` serves) over that simulator: its Keystone session
 *       reaches the simulator's catalog URLs through Node's HTTP client on port R (Nova's on C when given).
 *       With --static, it serves the built app from DIR too, as `npm start` does. Prints `ready proxy`.
 */
import { parseArgs } from 'node:util';
import { authRequestBody } from '../src/openstack/node';
import { KeystoneSession } from '../src/openstack/session';
import { createApp } from '../src/server/app';
import { createMemoryAuditLog } from '../src/server/audit-log';
import { serveApp } from '../src/server/node-serve';
import { proxySettings } from '../src/server/settings';
import { serveSimulator, simulatorHttpFetch } from '../src/server/sim-over-http';
import { createSimulator, simCloudConfig, SIM_ORIGIN, type Simulator } from '../src/sim';

const { values } = parseArgs({
  options: {
    images: { type: 'string', default: '10000' },
    servers: { type: 'string', default: '2000' },
    port: { type: 'string' },
    'raw-port': { type: 'string' },
    'nova-port': { type: 'string' },
    'keystone-url': { type: 'string' },
    'sim-url': { type: 'string' },
    'compute-url': { type: 'string' },
    static: { type: 'string' },
  },
});

function generatedSimulator(): { sim: Simulator; images: number; servers: number } {
  const images = Number(values.images);
  const servers = Number(values.servers);
  return { sim: createSimulator({ scenario: 'generated', generated: { images, servers } }), images, servers };
}

function serveRawSimulator(rawPort: number): void {
  const { sim, images, servers } = generatedSimulator();
  serveSimulator(sim, { port: rawPort }, () =>
    process.stdout.write(`ready ${images} images ${servers} servers\n`),
  );
}

const unauthorized = (message: string): Response =>
  Response.json({ error: { code: 401, title: 'Unauthorized', message } }, { status: 401 });

async function serveNovaSimulator(novaPort: number, keystoneUrl: string): Promise<void> {
  const { sim } = generatedSimulator();
  const signIn = await sim.fetch(`${SIM_ORIGIN}/identity/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(authRequestBody(simCloudConfig('admin'))),
  });
  const localToken = signIn.headers.get('x-subject-token');
  if (signIn.status !== 201 || !localToken) throw new Error(`nova process: own token ${signIn.status}`);
  // Each token the proxy sends is checked once with the Keystone process; the answer is kept.
  const vouched = new Map<string, Promise<boolean>>();
  const isAdmin = async (token: string): Promise<boolean> => {
    const res = await fetch(`${keystoneUrl}/identity/v3/auth/tokens`, {
      headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
    });
    if (!res.ok) return false;
    const body = (await res.json()) as { token?: { user?: { name?: string }; roles?: { name: string }[] } };
    return body.token?.user?.name === 'admin' && (body.token.roles ?? []).some((r) => r.name === 'admin');
  };
  const admit = async (req: Request): Promise<Response | Headers> => {
    if (!new URL(req.url).pathname.startsWith('/compute/')) return new Response('Not Found', { status: 404 });
    const token = req.headers.get('x-auth-token') ?? '';
    let check = vouched.get(token);
    if (!check) vouched.set(token, (check = isAdmin(token)));
    if (!(await check)) return unauthorized('The request you have made requires authentication.');
    const headers = new Headers(req.headers);
    headers.set('x-auth-token', localToken);
    return headers;
  };
  serveSimulator(sim, { port: novaPort, admit }, () => process.stdout.write('ready nova\n'));
}

async function serveProxy(port: number, simUrl: string, computeUrl: string | undefined): Promise<void> {
  const session = await KeystoneSession.open(simCloudConfig('admin'), {
    fetch: simulatorHttpFetch(simUrl, { computeUrl }),
  });
  const app = createApp({
    upstream: session,
    settings: proxySettings({ port }),
    audit: createMemoryAuditLog(),
    staticDir: values.static ?? null,
    sim: null,
    mode: 'demo',
  });
  serveApp(app, { port, hostname: '127.0.0.1' }, () => process.stdout.write('ready proxy\n'));
}

if (values['raw-port']) serveRawSimulator(Number(values['raw-port']));
else if (values['nova-port'] && values['keystone-url'])
  await serveNovaSimulator(Number(values['nova-port']), values['keystone-url']);
else if (values.port && values['sim-url'])
  await serveProxy(Number(values.port), values['sim-url'], values['compute-url']);
else
  throw new Error(
    'bench-sim-server: give --raw-port R, --nova-port C --keystone-url http://127.0.0.1:R, or --port P --sim-url http://127.0.0.1:R',
  );

const stop = (): void => process.exit(0);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
