/**
 * The proxy as a Hono app, with no listen() inside: main.ts serves it, the Vite plugin mounts it in
 * `npm run dev`, and tests call `app.request(...)` in-process.
 */
import { Hono } from 'hono';
import type { AuditOutcome } from './audit-log';
import type { AppDeps, AppEnv } from './app-deps';
import { envelopeResponse, newRequestId, proxyEnvelope } from './envelope-response';
import { auditEntry, forward } from './forward';
import { redactSecrets } from './headers';
import { isMutating, matchRoute } from './route-allowlist';
import { csrfRefusal, isHostAllowed, requestHost } from './safety';
import { mountJobRoutes } from './jobs/job-routes';
import { mountProjectRoutes } from './project-routes';
import { mountSimControls } from './sim-routes';
import { mountStatic } from './static-files';

export type { AppDeps } from './app-deps';

const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['ok', 'error', 'refused'];

/** What a request would be audited as, before it is matched in full (for refusals at the door). */
function describe(req: Request): { action: string; path: string; targets: string[] } {
  const url = new URL(req.url);
  const m = /^\/api\/(image|compute)(\/.*)$/.exec(url.pathname);
  if (m) {
    const route = matchRoute(m[1]!, req.method, m[2]!);
    return { action: route?.action ?? `${m[1]!}.unknown`, path: m[2]!, targets: route?.targets ?? [] };
  }
  return {
    action: `proxy${url.pathname.replace(/^\/api/, '').replace(/\//g, '.')}`,
    path: url.pathname,
    targets: [],
  };
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const log = (line: string) => deps.log?.(redactSecrets(line));

  const refuseAtDoor = (
    req: Request,
    requestId: string,
    code: 'host_rejected' | 'csrf_rejected',
    message: string,
  ) => {
    const env = proxyEnvelope(code, 403, message, requestId);
    if (isMutating(req.method) && new URL(req.url).pathname.startsWith('/api/')) {
      const d = describe(req);
      deps.audit.append(
        auditEntry(deps, { ...d, method: req.method, outcome: 'refused', status: 403, requestId, code }),
      );
    }
    return envelopeResponse(env, requestId);
  };

  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = newRequestId();
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('referrer-policy', 'no-referrer');
    if (c.req.path.startsWith('/api/')) c.res.headers.set('cache-control', 'no-store');
    if (!c.res.headers.has('x-request-id')) c.res.headers.set('x-request-id', requestId);
    log(
      `${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms ${requestId}`,
    );
  });

  if (deps.team) app.use('*', deps.team.identify(deps));

  app.use('*', async (c, next) => {
    const host = requestHost(c.req.raw);
    if (!isHostAllowed(host, deps.settings))
      return refuseAtDoor(
        c.req.raw,
        c.get('requestId'),
        'host_rejected',
        `Host ${host} is not allowed (DNS rebinding defence); see --allow-host.`,
      );
    if (isMutating(c.req.method)) {
      const why = csrfRefusal(c.req.raw, deps.settings);
      if (why) return refuseAtDoor(c.req.raw, c.get('requestId'), 'csrf_rejected', why);
    }
    return next();
  });

  app.get('/api/health', (c) => c.json({ ok: true }));

  if (deps.team) deps.team.mount(app, deps);
  else app.get('/api/team/status', (c) => c.json({ team: false }));

  app.get('/api/session', (c) => {
    const info = deps.upstream.info();
    const readOnly = deps.settings.readOnly || (deps.team?.personReadOnly() ?? false);
    return c.json({ ...info, mode: deps.mode, readOnly, cloud: info.cloud });
  });

  app.get('/api/audit', (c) => {
    const outcome = c.req.query('outcome');
    const limit = Number(c.req.query('limit'));
    const entries = deps.audit.list({
      ...(c.req.query('action') ? { action: c.req.query('action') } : {}),
      ...(outcome && (AUDIT_OUTCOMES as readonly string[]).includes(outcome)
        ? { outcome: outcome as AuditOutcome }
        : {}),
      ...(c.req.query('q') ? { q: c.req.query('q') } : {}),
      ...(Number.isInteger(limit) && limit > 0 ? { limit } : {}),
    });
    return c.json({ entries });
  });

  app.get('/api/audit/export', (c) => {
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="glance-lineage-audit.jsonl"');
    return c.body(deps.audit.exportJsonl());
  });

  if (deps.sim) mountSimControls(app, deps.sim);
  mountProjectRoutes(app, deps);
  mountJobRoutes(app, deps, deps.jobs ?? {});

  app.all('/api/:service{image|compute}/*', (c) =>
    forward({ deps, req: c.req.raw, service: c.req.param('service'), requestId: c.get('requestId') }),
  );

  app.all('/api/*', (c) => {
    const requestId = c.get('requestId');
    const env = proxyEnvelope(
      'route_not_allowed',
      404,
      `${c.req.method} ${c.req.path} is not a route of this proxy.`,
      requestId,
    );
    if (isMutating(c.req.method))
      deps.audit.append(
        auditEntry(deps, {
          ...describe(c.req.raw),
          method: c.req.method,
          outcome: 'refused',
          status: 404,
          requestId,
          code: env.code,
        }),
      );
    return envelopeResponse(env, requestId);
  });

  if (deps.staticDir) mountStatic(app, deps.staticDir);

  app.onError((err, c) => {
    const requestId = c.get('requestId') ?? newRequestId();
    log(
      `error ${c.req.method} ${c.req.path} ${requestId}: ${err instanceof Error ? err.message : String(err)}`,
    );
    return envelopeResponse(
      proxyEnvelope('internal', 500, 'The proxy failed to handle this request.', requestId),
      requestId,
    );
  });

  return app;
}
