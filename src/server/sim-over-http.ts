/**
 * The simulator as a cloud of its own on a loopback port, and a fetch that reaches it there: for the
 * bench and the socket tests, so the proxy talks to it over real HTTP through the same Node client it
 * uses for a real cloud (the simulator's catalog names its own origin; those URLs go to the port).
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createNodeFetch, type FetchLike } from '../openstack/fetch-like';
import { SIM_ORIGIN, type Simulator } from '../sim';

/**
 * `opts.admit`, when given, sees each request first: it answers it itself (a Response) or gives the headers
 * to pass on (the bench's Nova process refuses other services and swaps the token this way).
 */
export function serveSimulator(
  sim: Simulator,
  opts: { port: number; hostname?: string; admit?: (req: Request) => Promise<Response | Headers> },
  onListen?: (info: AddressInfo) => void,
): ServerType {
  return serve(
    {
      fetch: async (req: Request) => {
        const admitted = opts.admit ? await opts.admit(req) : req.headers;
        if (admitted instanceof Response) return admitted;
        const url = new URL(req.url);
        const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await req.arrayBuffer();
        return sim.fetch(`${SIM_ORIGIN}${url.pathname}${url.search}`, {
          method: req.method,
          headers: admitted,
          body,
        });
      },
      port: opts.port,
      hostname: opts.hostname ?? '127.0.0.1',
    },
    onListen,
  );
}

/**
 * Node's HTTP client (keep-alive), with the simulator's origin mapped to `simUrl` (http://127.0.0.1:R), and
 * its compute API to `computeUrl` when Nova is served by a process of its own (the bench does so).
 */
export function simulatorHttpFetch(simUrl: string, opts: { computeUrl?: string } = {}): FetchLike {
  const http = createNodeFetch({});
  const compute = `${SIM_ORIGIN}/compute/`;
  const toSim = (input: string | URL | Request): string => {
    const href = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    if (opts.computeUrl && href.startsWith(compute)) return opts.computeUrl + href.slice(SIM_ORIGIN.length);
    return href.startsWith(SIM_ORIGIN) ? simUrl + href.slice(SIM_ORIGIN.length) : href;
  };
  return (input, init) => http(toSim(input), init);
}
