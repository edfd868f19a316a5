/**
 * Forwarding `/api/image/*` → Glance and `/api/compute/*` → Nova through the session's Transport.
 * Only allowlisted routes pass; bodies stream both ways; upstream errors become the one envelope with the
 * upstream status; every mutating request (forwarded or refused) is audited.
 */
import { errorFromResponse, toEnvelope } from '../openstack/error-mapping';
import type { ErrorEnvelope } from '../openstack/errors';
import type { ApiService } from '../openstack/transport';
import type { AuditEntry, AuditOutcome } from './audit-log';
import type { AppDeps } from './app-deps';
import { envelopeResponse, proxyEnvelope } from './envelope-response';
import { forwardRequestHeaders, forwardResponseHeaders } from './headers';
import { isMutating, matchRoute, serverActionName, type AllowedRoute } from './route-allowlist';

/** Nova action bodies are tiny; anything bigger is not one the app sends. */
const MAX_ACTION_BODY = 64 * 1024;
/** Cap on the non-data request bodies the proxy reads whole (image metadata, patches). */
const MAX_SMALL_BODY = 1024 * 1024;

type StreamingInit = RequestInit & { duplex?: 'half' };

export interface ForwardContext {
  deps: AppDeps;
  req: Request;
  service: string;
  requestId: string;
}

export function auditEntry(
  deps: AppDeps,
  fields: Pick<AuditEntry, 'action' | 'method' | 'path' | 'targets' | 'outcome' | 'status' | 'requestId'> & {
    code?: string;
  },
): AuditEntry {
  const who = { cloud: 'unknown', project: null as string | null, user: 'unknown' };
  try {
    const info = deps.upstream.info();
    who.cloud = info.cloud;
    who.project = info.project?.name ?? null;
    who.user = info.user.name;
  } catch (e) {
    // A session that cannot describe itself must not stop the audit line.
    deps.log?.(`audit: session info unavailable: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { time: new Date().toISOString(), ...who, ...fields };
}

function audit(
  ctx: ForwardContext,
  route: { action: string; targets: string[] },
  path: string,
  outcome: AuditOutcome,
  status: number,
  requestId: string | null,
  code?: string,
): void {
  if (!isMutating(ctx.req.method)) return;
  ctx.deps.audit.append(
    auditEntry(ctx.deps, {
      action: route.action,
      method: ctx.req.method,
      path,
      targets: route.targets,
      outcome,
      status,
      requestId,
      ...(code ? { code } : {}),
    }),
  );
}

function refuse(
  ctx: ForwardContext,
  route: { action: string; targets: string[] },
  path: string,
  env: ErrorEnvelope,
) {
  audit(ctx, route, path, 'refused', env.status, ctx.requestId, env.code);
  return envelopeResponse(env, ctx.requestId);
}

/** Reads a small JSON body (Nova server actions) with a size cap. */
async function readSmallJson(req: Request): Promise<{ text: string; json: unknown } | null> {
  const text = await req.text();
  if (text.length > MAX_ACTION_BODY) return null;
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/** Ids the upstream created (a new image, a snapshot), read from a small JSON success body. */
async function createdIds(route: AllowedRoute, res: Response): Promise<string[]> {
  if (route.action !== 'image.create' && route.action !== 'server.createImage') return [];
  if (!(res.headers.get('content-type') ?? '').includes('json')) return [];
  try {
    const body = (await res.clone().json()) as Record<string, unknown>;
    const id = route.action === 'image.create' ? body.id : body.image_id;
    return typeof id === 'string' ? [id] : [];
  } catch {
    return [];
  }
}

function upstreamRequestId(res: Response): string | null {
  return res.headers.get('x-openstack-request-id') ?? res.headers.get('x-compute-request-id');
}

export async function forward(ctx: ForwardContext): Promise<Response> {
  const { req, deps, requestId } = ctx;
  const url = new URL(req.url);
  const prefix = `/api/${ctx.service}`;
  const path = url.pathname.slice(prefix.length);
  const method = req.method;
  let route = matchRoute(ctx.service, method, path);
  const describe = route ?? { action: `${ctx.service}.unknown`, targets: [] };
  if (!route)
    return refuse(
      ctx,
      describe,
      path,
      proxyEnvelope(
        'route_not_allowed',
        404,
        `${method} ${prefix}${path} is not a route this app uses.`,
        requestId,
      ),
    );
  const service: ApiService = route.service;

  let bufferedBody: string | null = null;
  if (route.bodyKeys) {
    const body = await readSmallJson(req);
    const action = body ? serverActionName(body.json, route.bodyKeys) : null;
    if (!body || !action)
      return refuse(
        ctx,
        route,
        path,
        proxyEnvelope(
          'route_not_allowed',
          404,
          `Only these server actions are forwarded: ${route.bodyKeys.join(', ')}.`,
          requestId,
        ),
      );
    bufferedBody = body.text;
    route = { ...route, action };
  }

  if (deps.settings.readOnly && isMutating(method))
    return refuse(
      ctx,
      route,
      path,
      proxyEnvelope('read_only', 403, 'The proxy runs in read-only mode: changes are refused.', requestId),
    );

  // Small bodies (JSON patches, new-image records, tags) are read whole so the session can replay them
  // after re-authenticating on a 401; only image data streams through unbuffered (and is never replayed).
  // `req.body` is looked at last: on the Node server, reading it makes a whole web Request of the incoming
  // one (a GET listing has none, and this is the hot path).
  if (bufferedBody === null && isMutating(method) && route.action !== 'image.upload' && req.body !== null) {
    const text = await req.text();
    if (text.length > MAX_SMALL_BODY)
      return refuse(
        ctx,
        route,
        path,
        proxyEnvelope(
          'bad_request',
          413,
          `The request body is larger than ${MAX_SMALL_BODY} bytes.`,
          requestId,
        ),
      );
    bufferedBody = text;
  }

  const hasBody = method !== 'GET' && method !== 'HEAD' && (bufferedBody !== null || req.body !== null);
  const init: StreamingInit = {
    method,
    headers: forwardRequestHeaders(req.headers, hasBody),
    signal: req.signal,
  };
  if (bufferedBody !== null) init.body = bufferedBody;
  else if (hasBody) {
    init.body = req.body;
    init.duplex = 'half';
  }

  let res: Response;
  try {
    res = await deps.upstream.request(service, path + url.search, init);
  } catch (e) {
    const env = { ...toEnvelope(e, service) };
    env.requestId ??= requestId;
    audit(ctx, route, path, 'error', env.status, env.requestId, env.code);
    return envelopeResponse(env, requestId);
  }

  if (!res.ok) {
    const err = await errorFromResponse(service, res);
    const env = { ...err.envelope };
    env.requestId ??= requestId;
    audit(ctx, route, path, 'error', env.status, env.requestId, env.code);
    return envelopeResponse(env, requestId);
  }

  if (isMutating(method)) {
    const created = await createdIds(route, res);
    audit(
      ctx,
      { ...route, targets: [...route.targets, ...created] },
      path,
      'ok',
      res.status,
      upstreamRequestId(res) ?? requestId,
    );
  }
  const headers = forwardResponseHeaders(res.headers);
  headers.set('x-request-id', requestId);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}
