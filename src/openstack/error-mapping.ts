/**
 * The one place where Glance/Nova/Keystone error bodies, our proxy's envelopes and network failures become
 * an `OpenStackError`. Browser-safe (no node:*).
 */
import { isErrorEnvelope, isOpenStackError, OpenStackError } from './errors';
import type { ErrorCode, ErrorEnvelope, ServiceName } from './errors';
import { isRecord, parseJsonOrUndefined } from './json-value';

const SERVICE_LABEL: Record<ServiceName, string> = {
  identity: 'Keystone',
  image: 'Glance',
  compute: 'Nova',
  proxy: 'The proxy',
};

export function serviceLabel(service: ServiceName): string {
  return SERVICE_LABEL[service];
}

export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 406:
      return 'not_acceptable';
    case 409:
      return 'conflict';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    default:
      return status >= 400 && status < 500 ? 'bad_request' : 'upstream_error';
  }
}

export function requestIdOf(headers: Headers): string | null {
  return (
    headers.get('x-openstack-request-id') ??
    headers.get('x-compute-request-id') ??
    headers.get('x-request-id') ??
    null
  );
}

const MAX_MESSAGE = 500;

/** Turns a non-2xx response into an error. Reads (and so consumes) the body. */
export async function errorFromResponse(service: ServiceName, res: Response): Promise<OpenStackError> {
  const text = await res.text().catch(() => '');
  const requestId = requestIdOf(res.headers);
  const json = parseJson(text);

  if (isErrorEnvelope(json)) {
    const env = json as ErrorEnvelope & { service?: unknown; requestId?: unknown };
    return new OpenStackError({
      code: env.code,
      message: env.message,
      service: isServiceName(env.service) ? env.service : service,
      status: env.status,
      requestId: typeof env.requestId === 'string' ? env.requestId : requestId,
    });
  }

  const status = res.status >= 400 ? res.status : 502;
  // Unknown JSON shapes get the generic message rather than raw JSON.
  const message =
    json === undefined
      ? messageFromText(text, res.headers.get('content-type'))
      : (messageFromJson(json) ?? '');
  const fallback = `${SERVICE_LABEL[service]} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  return new OpenStackError({
    code: codeForStatus(status),
    message: truncate(message || fallback),
    service,
    status,
    requestId,
  });
}

/** Glance JSON `{message, code, title}`, Nova `{"itemNotFound": {code, message}}`, Keystone `{"error": {...}}`. */
function messageFromJson(json: unknown): string | null {
  if (!isRecord(json)) return null;
  if (typeof json.message === 'string') return cleanText(json.message) || pickString(json.title);
  if (isRecord(json.error)) {
    const e = json.error;
    return pickString(e.message) ?? pickString(e.title);
  }
  const keys = Object.keys(json);
  if (keys.length === 1) {
    const inner = json[keys[0]!];
    if (isRecord(inner) && typeof inner.message === 'string') return cleanText(inner.message);
  }
  if (typeof json.detail === 'string') return cleanText(json.detail);
  return null;
}

function messageFromText(text: string, contentType: string | null): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const looksHtml = /html/i.test(contentType ?? '') || /^<(!doctype|html|head|body|h1)/i.test(trimmed);
  if (!looksHtml) return cleanText(trimmed.split('\n').slice(0, 5).join(' '));
  // webob's HTML error page: <title>409 Conflict</title> ... <h1>409 Conflict</h1> explanation<br /><br /> detail
  const bodyPart = /<body[^>]*>([\s\S]*?)<\/body>/i.exec(trimmed)?.[1] ?? trimmed;
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(bodyPart)?.[1];
  const rest = cleanText(bodyPart.replace(/<h1[^>]*>[\s\S]*?<\/h1>/i, ''));
  if (rest) return rest;
  const title = heading ?? /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1] ?? '';
  return cleanText(title);
}

/** Drops tags (Glance's `<br /><br />`), decodes the few entities webob uses, collapses whitespace. */
function cleanText(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const NETWORK_UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const NETWORK_TIMEOUT = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const CODE_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/**
 * A failure before any HTTP status: refused, unknown host, reset, TLS, timeout. `url` (optional) names the
 * host in the message; Node's errors often carry it themselves (address/port, hostname).
 */
export function errorFromNetwork(service: ServiceName, err: unknown, url?: string | URL): OpenStackError {
  if (isOpenStackError(err)) return err;
  const chain = causeChain(err);
  const codes = chain.map((e) => (typeof e.code === 'string' ? e.code : '')).filter(Boolean);
  const host = hostOf(url) ?? hostFromError(chain);
  const label = SERVICE_LABEL[service];
  const where = host ? `${label} at ${host}` : label;
  const isTimeout = chain.some((e) => e.name === 'TimeoutError') || codes.some((c) => NETWORK_TIMEOUT.has(c));
  if (isTimeout) {
    return new OpenStackError(
      {
        code: 'upstream_timeout',
        message: `${where} did not answer in time`,
        service,
        status: 504,
        requestId: null,
      },
      { cause: err },
    );
  }
  const code = codes.find((c) => NETWORK_UNREACHABLE.has(c));
  const tls = codes.find((c) => /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(c));
  let why: string;
  if (code) why = CODE_WORDS[code] ?? code;
  else if (tls) why = `TLS certificate not accepted (${tls}); set cacert, or verify: false for a test cloud`;
  else if (chain.some((e) => e.name === 'AbortError')) why = 'the request was aborted';
  else why = lastMessage(chain) ?? 'network error';
  return new OpenStackError(
    {
      code: 'upstream_unreachable',
      message: `Cannot reach ${where}: ${why}`,
      service,
      status: 502,
      requestId: null,
    },
    { cause: err },
  );
}

/** Anything thrown, as the envelope the browser and the CLI show. */
export function toEnvelope(e: unknown, service: ServiceName = 'proxy'): ErrorEnvelope {
  if (isOpenStackError(e)) return e.envelope;
  if (isErrorEnvelope(e)) {
    return { ...e, service: isServiceName(e.service) ? e.service : service, requestId: e.requestId ?? null };
  }
  if (looksLikeNetworkError(e)) return errorFromNetwork(service, e).envelope;
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unexpected error';
  return {
    code: 'internal',
    message: truncate(message || 'unexpected error'),
    service,
    status: 500,
    requestId: null,
  };
}

function looksLikeNetworkError(e: unknown): boolean {
  const chain = causeChain(e);
  return chain.some(
    (x) =>
      x.name === 'AbortError' ||
      x.name === 'TimeoutError' ||
      (typeof x.code === 'string' && (NETWORK_UNREACHABLE.has(x.code) || NETWORK_TIMEOUT.has(x.code))) ||
      (x.name === 'TypeError' && typeof x.message === 'string' && /^fetch failed/.test(x.message)),
  );
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  hostname?: unknown;
  address?: unknown;
  port?: unknown;
}

function causeChain(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let cur: unknown = err;
  while (isRecord(cur) || cur instanceof Error) {
    const e = cur as ErrorLike;
    if (out.includes(e) || out.length > 8) break;
    out.push(e);
    if (Array.isArray((cur as { errors?: unknown }).errors)) {
      // AggregateError (happy-eyeballs connect attempts): look at the first one too.
      const first: unknown = (cur as { errors: unknown[] }).errors[0];
      if (isRecord(first)) out.push(first);
    }
    cur = e.cause;
  }
  return out;
}

function hostOf(url: string | URL | undefined): string | null {
  if (url === undefined) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function hostFromError(chain: ErrorLike[]): string | null {
  for (const e of chain) {
    if (typeof e.hostname === 'string') return e.hostname;
    if (typeof e.address === 'string')
      return typeof e.port === 'number' ? `${e.address}:${e.port}` : e.address;
  }
  return null;
}

function lastMessage(chain: ErrorLike[]): string | null {
  for (let i = chain.length - 1; i >= 0; i--) {
    const m = chain[i]!.message;
    if (typeof m === 'string' && m) return m;
  }
  return null;
}

function parseJson(text: string): unknown {
  if (!text || !/^\s*[[{]/.test(text)) return undefined;
  return parseJsonOrUndefined(text);
}

function isServiceName(v: unknown): v is ServiceName {
  return v === 'identity' || v === 'image' || v === 'compute' || v === 'proxy';
}

function pickString(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? cleanText(v) : null;
}

function truncate(s: string): string {
  return s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s;
}
