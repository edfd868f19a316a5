/**
 * Serves the proxy app on a Node HTTP server (main.ts, the bench). One thing more than `serve()`: when
 * the app's final response carries an upstream body that nothing has read yet (a Glance page, image
 * data), the upstream's Node stream is piped straight into the browser's response, with the headers the
 * app's middleware set. That skips the web-stream hops on both sides: a 1,000-image Glance page costs the
 * proxy about a quarter of the CPU it did (scripts/bench-loading.ts measures the effect).
 */
import { serve, type Http2Bindings, type HttpBindings, type ServerType } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { AddressInfo } from 'node:net';
import { ServerResponse, type OutgoingHttpHeaders } from 'node:http';
import { pipeline } from 'node:stream';
import { claimNodeBody } from '../openstack/fetch-like';

type Bindings = HttpBindings | Http2Bindings;

interface FetchApp {
  fetch: (req: Request, env: Bindings) => Response | Promise<Response>;
}

function nodeHeaders(headers: Headers): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of headers) if (name !== 'set-cookie') out[name] = value;
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies;
  return out;
}

/** Sends `res` itself when its body is an unread upstream Node stream; else hands `res` back to serve(). */
export function sendUpstreamBody(res: Response, outgoing: ServerResponse): Response {
  const upstream = claimNodeBody(res.body);
  if (!upstream) return res;
  outgoing.writeHead(res.status, res.statusText, nodeHeaders(res.headers));
  // Either side failing or closing (the browser went away) destroys the other: no upstream socket leaks.
  pipeline(upstream, outgoing, () => undefined);
  return RESPONSE_ALREADY_SENT;
}

export function serveApp(
  app: FetchApp,
  opts: { port: number; hostname: string },
  onListen?: (info: AddressInfo) => void,
): ServerType {
  return serve(
    {
      fetch: async (req: Request, env: Bindings) => {
        const res = await app.fetch(req, env);
        // Only an HTTP/1 server (what this app listens on) has a ServerResponse to pipe into.
        return env.outgoing instanceof ServerResponse ? sendUpstreamBody(res, env.outgoing) : res;
      },
      port: opts.port,
      hostname: opts.hostname,
    },
    onListen,
  );
}
