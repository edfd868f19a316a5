/**
 * Which headers cross the proxy. Requests: a short allowlist (never the browser's cookies or any
 * X-Auth-Token it might send; the session adds its own token). Responses: hop-by-hop headers, cookies and
 * tokens are dropped; everything the app reads is kept.
 */

/** Hop-by-hop headers (RFC 9110 §7.6.1) plus proxy-* ones; never forwarded in either direction. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
]);

const REQUEST_ALLOWED = new Set(['content-type', 'accept', 'content-length', 'if-match']);

const RESPONSE_DROPPED = new Set([
  'set-cookie',
  'set-cookie2',
  'x-auth-token',
  'x-subject-token',
  // Upstream URLs of the catalog endpoints; the browser only ever talks to /api.
  'location',
  'content-location',
  'www-authenticate',
  'server',
  'date',
]);

function isHopByHop(name: string, connectionListed: Set<string>): boolean {
  return HOP_BY_HOP.has(name) || name.startsWith('proxy-') || connectionListed.has(name);
}

/** Names listed in a Connection header are hop-by-hop for that message too. */
function connectionTokens(headers: Headers): Set<string> {
  const v = headers.get('connection');
  return new Set(
    (v ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** The request headers sent upstream: only the allowlisted ones, and content-length only with a body. */
export function forwardRequestHeaders(incoming: Headers, hasBody: boolean): Headers {
  const out = new Headers();
  const listed = connectionTokens(incoming);
  for (const [name, value] of incoming) {
    if (!REQUEST_ALLOWED.has(name) || isHopByHop(name, listed)) continue;
    if (name === 'content-length' && !hasBody) continue;
    out.set(name, value);
  }
  return out;
}

/**
 * The response headers returned to the browser. When the runtime's fetch has already decoded a
 * compressed body, content-encoding and content-length describe bytes we no longer have: drop both.
 */
export function forwardResponseHeaders(upstream: Headers): Headers {
  const out = new Headers();
  const listed = connectionTokens(upstream);
  const encoded = upstream.has('content-encoding');
  for (const [name, value] of upstream) {
    if (RESPONSE_DROPPED.has(name) || isHopByHop(name, listed)) continue;
    if (encoded && (name === 'content-encoding' || name === 'content-length')) continue;
    out.append(name, value);
  }
  return out;
}

const SECRET =
  /\b(x-auth-token|x-subject-token|password|application_credential_secret|secret|token)(["']?\s*[:=]\s*["']?)([^\s"',;}]+)/gi;

/**
 * Replaces the values of tokens and secrets in a log line (`X-Auth-Token: abc` → `X-Auth-Token: ***`,
 * `"password": "x"` → `"password": "***"`).
 */
export function redactSecrets(line: string): string {
  return line.replace(SECRET, (_m, name: string, sep: string) => `${name}${sep}***`);
}
