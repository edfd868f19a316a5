/**
 * Team mode: people sign in with their own Keystone credentials; the proxy keeps each person's token in a
 * server-side session bound to an HttpOnly, SameSite=Strict cookie, sends each request upstream with the
 * token of the person who made it, refuses a reader-only person's changes, and names the person in the
 * audit log. createApp wires it in two places: `identify` before the Host/CSRF checks (so even refusals
 * there are audited with the person's name), `mount` after them (the session requirement and the routes).
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../app-deps';
import { envelopeResponse, proxyEnvelope } from '../envelope-response';
import { auditEntry } from '../forward';
import { isMutating } from '../route-allowlist';
import { PersonSession, type TeamCloud } from './person-session';
import { DEFAULT_SIGN_IN_LIMIT, FailureRateLimit } from './rate-limit';
import { currentPerson, requestPerson } from './request-person';
import { appendEndedSessionCookies, isSecureRequest, sessionIdOf } from './session-cookie';
import { SessionStore, type TeamSessionStore } from './session-store';
import { SharedSessionStore } from './shared-session-store';
import { mountTeamRoutes } from './team-routes';

export interface TeamOptions {
  cloud: TeamCloud;
  /** End a session after this long without a request (default 30 minutes). */
  idleMs?: number;
  /** Always mark the cookie Secure (the proxy is reached over TLS). */
  secureCookies?: boolean;
  /** Believe X-Forwarded-Proto / X-Forwarded-For from the reverse proxy in front. */
  trustProxy?: boolean;
  /** Failed sign-ins allowed per address and per user name in the window (default 5 per 15 minutes). */
  rateLimit?: { max: number; windowMs: number };
  now?: () => number;
  /**
   * Keep sessions in this directory, shared by every replica (a file per session, sealed with a key only
   * the session's cookie gives); default: in this process's memory only.
   */
  sessionDir?: string | null;
  /** Demo with --test-controls: also `POST /api/_sim/team/reset-rate-limits` (e2e runs sign in from one address). */
  testControls?: boolean;
}

export interface TeamMode {
  readonly store: TeamSessionStore<PersonSession>;
  readonly cloudName: string;
  /** Binds the request's person (from the cookie) for everything downstream; refuses nothing. */
  identify(deps: AppDeps): MiddlewareHandler<AppEnv>;
  /** The session requirement, the reader-only refusal, and the /api/team/* routes. */
  mount(app: Hono<AppEnv>, deps: AppDeps): void;
  /** The current request's person may not change anything (reader role only). */
  personReadOnly(): boolean;
}

export const DEFAULT_IDLE_MS = 30 * 60_000;

/** /api paths served without a session. */
function isPublic(path: string): boolean {
  return (
    path === '/api/health' ||
    path === '/api/team/status' ||
    path === '/api/team/sign-in' ||
    path === '/api/team/sign-out' ||
    path.startsWith('/api/_sim/')
  );
}

export function createTeamMode(opts: TeamOptions): TeamMode {
  const now = opts.now ?? Date.now;
  const cookieOpts = { secureCookies: opts.secureCookies ?? false, trustProxy: opts.trustProxy ?? false };
  let log: (line: string) => void = () => undefined;
  const storeOpts = {
    idleMs: opts.idleMs ?? DEFAULT_IDLE_MS,
    now,
    onRevokeError: (e: unknown) =>
      log(`team: token revocation failed: ${e instanceof Error ? e.message : String(e)}`),
  };
  const store: TeamSessionStore<PersonSession> = opts.sessionDir
    ? new SharedSessionStore<PersonSession>({
        ...storeOpts,
        dir: opts.sessionDir,
        encode: (p) => p.toRecord(),
        decode: (data) => PersonSession.fromRecord(opts.cloud, data),
      })
    : new SessionStore<PersonSession>(storeOpts);
  const limiter = new FailureRateLimit({ ...(opts.rateLimit ?? DEFAULT_SIGN_IN_LIMIT), now });

  const team: TeamMode = {
    store,
    cloudName: opts.cloud.config.name,
    identify(deps) {
      log = (line) => deps.log?.(line);
      return async (c, next) => {
        const sessionId = sessionIdOf(c.req.raw);
        const person = await store.get(sessionId);
        if (!sessionId || !person) return next();
        await requestPerson.run({ sessionId, person }, next);
      };
    },
    mount(app, deps) {
      app.use('*', async (c, next) => {
        const path = c.req.path;
        if (!path.startsWith('/api/') || isPublic(path)) return next();
        const requestId = c.get('requestId');
        const bound = currentPerson();
        const refuse = (code: 'unauthorized' | 'read_only', status: number, message: string) => {
          if (isMutating(c.req.method))
            deps.audit.append(
              auditEntry(deps, {
                action: `proxy${path.replace(/^\/api/, '').replace(/\//g, '.')}`,
                method: c.req.method,
                path,
                targets: [],
                outcome: 'refused',
                status,
                requestId,
                code,
              }),
            );
          return envelopeResponse(proxyEnvelope(code, status, message, requestId), requestId);
        };
        if (!bound) {
          if (!sessionIdOf(c.req.raw))
            return refuse('unauthorized', 401, 'Sign in first: this proxy runs in team mode.');
          const res = refuse(
            'unauthorized',
            401,
            'Your session has ended (signed out, expired or idle too long): sign in again.',
          );
          appendEndedSessionCookies(res.headers, { secure: isSecureRequest(c.req.raw, cookieOpts) });
          return res;
        }
        if (isMutating(c.req.method) && !path.startsWith('/api/team/') && !bound.person.canWrite())
          return refuse(
            'read_only',
            403,
            `${bound.person.info().user.name} has only the reader role in this project: changes are refused.`,
          );
        await store.touch(bound.sessionId);
        await next();
        if (bound.person.ended) {
          await store.destroy(bound.sessionId);
          c.res = envelopeResponse(
            proxyEnvelope(
              'unauthorized',
              401,
              'Your session has ended (Keystone no longer accepts its token): sign in again.',
              requestId,
            ),
            requestId,
          );
          appendEndedSessionCookies(c.res.headers, { secure: isSecureRequest(c.req.raw, cookieOpts) });
        }
      });
      mountTeamRoutes(app, deps, { store, limiter, cookieOpts, cloud: opts.cloud });
      if (opts.testControls)
        app.post('/api/_sim/team/reset-rate-limits', (c) => {
          limiter.clear();
          return c.json({ ok: true });
        });
    },
    personReadOnly() {
      const p = currentPerson();
      return p ? !p.person.canWrite() : false;
    },
  };
  return team;
}
