/**
 * A `fetch` built on node:http / node:https, for what Node's global fetch cannot do without undici:
 * trust a CA bundle file, skip TLS verification, and turn keep-alive off (the lab's uwsgi Keystone closes
 * every connection without saying so: LAB-NOTES pitfall 4). Node only.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface NodeFetchOptions {
  /** Path of a PEM CA bundle to trust (in addition to nothing: it replaces the default roots, like curl). */
  cacert?: string | null;
  /** false = accept any TLS certificate. */
  verify?: boolean;
  /** false = one connection per request, sent with `Connection: close`. Default true. */
  keepAlive?: boolean;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function createNodeFetch(opts: NodeFetchOptions = {}): FetchLike {
  const keepAlive = opts.keepAlive ?? true;
  const ca = opts.cacert ? readCa(opts.cacert) : undefined;
  const httpAgent = new http.Agent({ keepAlive });
  const httpsAgent = new https.Agent({ keepAlive, ca, rejectUnauthorized: opts.verify !== false });

  return async (input, init) => {
    const request = input instanceof Request ? input : null;
    const url = new URL(input instanceof Request ? input.url : input instanceof URL ? input.href : input);
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers ?? request?.headers);
    const signal = init?.signal ?? request?.signal ?? undefined;
    const rawBody = init && 'body' in init ? init.body : request?.body;
    const body = await toNodeBody(rawBody, headers);
    if (!keepAlive) headers.set('connection', 'close');
    if (typeof body === 'string' || body instanceof Uint8Array)
      headers.set('content-length', String(Buffer.byteLength(body)));

    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TypeError(`fetch failed: unsupported protocol ${url.protocol}`);
    signal?.throwIfAborted();

    return new Promise<Response>((resolve, reject) => {
      const isHttps = url.protocol === 'https:';
      const req = (isHttps ? https : http).request(url, {
        method,
        headers: Object.fromEntries(headers),
        agent: isHttps ? httpsAgent : httpAgent,
      });
      let settled = false;
      const onAbort = (): void => {
        const reason: unknown = signal?.reason;
        req.destroy(reason instanceof Error ? reason : new Error('aborted'));
        if (!settled) {
          settled = true;
          reject(
            reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError'),
          );
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });

      req.on('error', (err) => {
        signal?.removeEventListener('abort', onAbort);
        if (settled) return;
        settled = true;
        reject(new TypeError(`fetch failed: ${err.message}`, { cause: err }));
      });
      req.on('response', (res) => {
        settled = true;
        const resHeaders = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
          resHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        const status = res.statusCode ?? 502;
        const noBody = method === 'HEAD' || NULL_BODY_STATUSES.has(status);
        if (noBody) res.resume();
        // After the headers arrived, an abort must still stop the body: destroy the socket's stream.
        res.on('close', () => signal?.removeEventListener('abort', onAbort));
        const webBody = noBody ? null : lazyWebBody(res);
        const response = new Response(webBody, {
          status,
          statusText: res.statusMessage ?? '',
          headers: resHeaders,
        });
        Object.defineProperty(response, 'url', { value: url.href });
        resolve(response);
      });

      if (body === undefined) req.end();
      else if (body instanceof Readable) {
        body.on('error', (err) => req.destroy(err));
        body.pipe(req);
      } else req.end(body);
    });
  };
}

/** The Node stream behind each body this fetch made, while nobody has read from the body. */
const nodeBodies = new WeakMap<
  ReadableStream<Uint8Array>,
  { incoming: http.IncomingMessage; read: boolean }
>();

/**
 * The response body as a web stream that reads the Node stream only when asked to (high-water mark 0),
 * so that until then the body can still be handed on as the Node stream itself (claimNodeBody).
 */
function lazyWebBody(incoming: http.IncomingMessage): ReadableStream<Uint8Array> {
  const entry = { incoming, read: false };
  let chunks: AsyncIterator<Buffer> | null = null;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        entry.read = true;
        chunks ??= incoming[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel(reason) {
        entry.read = true;
        incoming.destroy(reason instanceof Error ? reason : undefined);
      },
    },
    { highWaterMark: 0 },
  );
  nodeBodies.set(body, entry);
  return body;
}

/**
 * The Node stream behind a response body made by createNodeFetch, if no one has read from the body yet;
 * the caller takes it over (the web body must not be read after this). Null for any other body. Lets a
 * Node server pipe an upstream body straight into its own response, with no web-stream hops.
 */
export function claimNodeBody(body: ReadableStream<Uint8Array> | null): Readable | null {
  const entry = body ? nodeBodies.get(body) : undefined;
  if (!body || !entry || entry.read || body.locked) return null;
  entry.read = true;
  return entry.incoming;
}

function readCa(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new Error(`cannot read the CA bundle ${path}: ${(e as Error).message}`, { cause: e });
  }
}

type NodeBody = string | Uint8Array | Readable | undefined;

async function toNodeBody(body: BodyInit | null | undefined, headers: Headers): Promise<NodeBody> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof URLSearchParams) {
    if (!headers.has('content-type'))
      headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    return body.toString();
  }
  if (body instanceof Blob) {
    if (!headers.has('content-type') && body.type) headers.set('content-type', body.type);
    return new Uint8Array(await body.arrayBuffer());
  }
  if (body instanceof ReadableStream) {
    return Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>);
  }
  // FormData and anything else: let the platform serialise it.
  const res = new Response(body);
  const type = res.headers.get('content-type');
  if (type && !headers.has('content-type')) headers.set('content-type', type);
  return new Uint8Array(await res.arrayBuffer());
}
