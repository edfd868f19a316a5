/** Response helpers: one error shape per service, request ids, Python-style query encoding. */
import { randomUUID } from 'node:crypto';

export function requestId(): string {
  return `req-${randomUUID()}`;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return jsonText(status, JSON.stringify(body), headers);
}

/** A JSON response from text already serialised (a listing assembled from cached parts). */
export function jsonText(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function empty(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? 'Error';
}

/** Thrown inside a handler; the service's router turns it into that service's error body. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Glance: webob detail (second part of the message); Nova: fault name override. */
    readonly detail: string = '',
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * Glance/webob error: JSON `{"code":"404 Not Found","message":"...<br /><br />\n\n\n","title":"Not Found"}`
 * when the client accepts JSON, HTML otherwise.
 */
export function glanceErrorResponse(e: SimHttpError, acceptJson: boolean, reqId: string): Response {
  const title = statusText(e.status);
  const code = `${e.status} ${title}`;
  const message =
    e.status === 415
      ? `${e.message}\n<br /><br />\n${e.detail}`
      : `${e.message}<br /><br />\n${e.detail}\n\n`;
  const headers = { 'X-Openstack-Request-Id': reqId, ...e.headers };
  if (acceptJson) return json(e.status, { code, message, title }, headers);
  const html = `<html>\n <head>\n  <title>${code}</title>\n </head>\n <body>\n  <h1>${code}</h1>\n  ${message}\n </body>\n</html>`;
  return new Response(html, {
    status: e.status,
    headers: { 'Content-Type': 'text/html; charset=UTF-8', ...headers },
  });
}

const NOVA_FAULTS: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  429: 'overLimit',
  501: 'notImplemented',
  503: 'serviceUnavailable',
};

export function novaErrorBody(
  status: number,
  message: string,
  fault?: string,
): Record<string, { code: number; message: string }> {
  return { [fault ?? NOVA_FAULTS[status] ?? 'computeFault']: { code: status, message } };
}

export function keystoneErrorBody(
  status: number,
  message: string,
): { error: { code: number; title: string; message: string } } {
  return { error: { code: status, title: statusText(status), message } };
}

/** Python's urllib.parse.quote_plus, so links match what Glance/Nova build with urlencode(). */
export function quotePlus(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

export function urlencode(params: readonly (readonly [string, string])[]): string {
  return params.map(([k, v]) => `${quotePlus(k)}=${quotePlus(v)}`).join('&');
}

/** Read a request body fully (small JSON bodies). */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return Symbol.for('invalid-json');
  }
}

export const INVALID_JSON = Symbol.for('invalid-json');

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isoMicros(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000`;
}
