/**
 * The team-mode routes:
 *   GET  /api/team/status    → {team: true, signedIn, ended, cloud, user?, project?, readOnly?, idleMinutes}
 *                            (ended: the session ended without a sign-out, so the page can say why)
 *   POST /api/team/sign-in   {method: 'password', username, password, domain?, project?}
 *                            | {method: 'application_credential', id, secret}
 *                            → {signedIn: true, user, project, readOnly} + a fresh session cookie
 *   POST /api/team/sign-out  → {signedOut: true, revoked} and the cookie cleared
 *   GET  /api/team/projects  → {projects: [{id, name, domainId}], current}
 *   POST /api/team/project   {projectId} → the session re-scoped to that project
 * The POSTs pass the app's Host/CSRF checks like every mutating request (app header, same origin).
 */
import type { Context, Hono } from 'hono';
import { toEnvelope } from '../../openstack/error-mapping';
import { isOpenStackError } from '../../openstack/errors';
import type { AppDeps, AppEnv } from '../app-deps';
import { envelopeResponse, proxyEnvelope } from '../envelope-response';
import { clientAddress } from './client-address';
import { PersonSession, type TeamCloud } from './person-session';
import type { FailureRateLimit } from './rate-limit';
import { currentPerson } from './request-person';
import {
  carriesEndedSession,
  clearedEndedCookie,
  clearedSessionCookie,
  isSecureRequest,
  sessionCookie,
  sessionIdOf,
} from './session-cookie';
import type { TeamSessionStore } from './session-store';
import { claimedName, parseSignIn, userKey } from './sign-in-body';
import { teamAuditEntry } from './team-audit';

export interface TeamRouteContext {
  store: TeamSessionStore<PersonSession>;
  limiter: FailureRateLimit;
  cookieOpts: { secureCookies: boolean; trustProxy: boolean };
  cloud: TeamCloud;
}

type Ctx = Context<AppEnv>;

/** One message for every refused sign-in: it never says which of the fields was wrong. */
export const SIGN_IN_REFUSED = 'Sign-in failed: the user name, password, domain or project is not right.';

async function jsonBody(c: Ctx): Promise<unknown> {
  try {
    return (await c.req.json()) as unknown;
  } catch {
    return undefined;
  }
}

function describePerson(p: PersonSession) {
  const info = p.info();
  return {
    user: { id: info.user.id, name: info.user.name, domain: info.user.domain },
    project: info.project,
    roles: info.roles,
    readOnly: !p.canWrite(),
    method: p.method,
    expiresAt: info.expiresAt,
  };
}

export function mountTeamRoutes(app: Hono<AppEnv>, deps: AppDeps, ctx: TeamRouteContext): void {
  const { store, limiter, cookieOpts, cloud } = ctx;
  const cloudName = cloud.config.name;
  const secure = (c: Ctx) => isSecureRequest(c.req.raw, cookieOpts);
  const fail = (c: Ctx, code: Parameters<typeof proxyEnvelope>[0], status: number, message: string) =>
    envelopeResponse(proxyEnvelope(code, status, message, c.get('requestId')), c.get('requestId'));

  app.get('/api/team/status', (c) => {
    const bound = currentPerson();
    return c.json({
      team: true,
      cloud: cloudName,
      signedIn: bound !== null,
      // The session ended without a sign-out (Keystone refused its token, or it sat idle): say why.
      ended: bound === null && carriesEndedSession(c.req.raw),
      methods: ['password', 'application_credential'],
      ...(bound ? describePerson(bound.person) : {}),
    });
  });

  app.post('/api/team/sign-in', async (c) => {
    const requestId = c.get('requestId');
    const creds = parseSignIn(await jsonBody(c));
    if (!creds)
      return fail(
        c,
        'bad_request',
        400,
        'Body must be {"method": "password", "username", "password", "domain"?, "project"?} or {"method": "application_credential", "id", "secret"}.',
      );
    const keys = [`addr:${clientAddress(c, cookieOpts.trustProxy)}`, userKey(creds)];
    const anonymous = { user: 'anonymous', project: null };
    const attempt = { path: c.req.path, requestId, targets: [claimedName(creds)] };
    const waitMs = limiter.retryAfterMs(keys);
    if (waitMs > 0) {
      deps.audit.append(
        teamAuditEntry(cloudName, anonymous, {
          ...attempt,
          action: 'team.sign-in',
          outcome: 'refused',
          status: 429,
          code: 'rate_limited',
        }),
      );
      const res = fail(c, 'rate_limited', 429, 'Too many failed sign-ins: wait before trying again.');
      res.headers.set('retry-after', String(Math.ceil(waitMs / 1000)));
      return res;
    }

    let person: PersonSession;
    try {
      person = await PersonSession.signIn(cloud, creds);
    } catch (e) {
      const refused = isOpenStackError(e) && (e.status === 401 || e.code === 'auth_failed');
      if (refused) limiter.recordFailure(keys);
      const env = refused
        ? proxyEnvelope('auth_failed', 401, SIGN_IN_REFUSED, requestId, 'identity')
        : { ...toEnvelope(e, 'identity'), requestId };
      deps.audit.append(
        teamAuditEntry(cloudName, anonymous, {
          ...attempt,
          action: 'team.sign-in',
          outcome: refused ? 'refused' : 'error',
          status: env.status,
          code: env.code,
        }),
      );
      return envelopeResponse(env, requestId);
    }

    // Session id rotation: whatever session the browser had ends here; the new one gets a fresh id.
    const previous = sessionIdOf(c.req.raw);
    if (previous) await store.destroy(previous);
    const id = await store.create(person);
    const info = person.info();
    deps.audit.append(
      teamAuditEntry(
        cloudName,
        { user: info.user.name, project: info.project?.name ?? null },
        {
          ...attempt,
          targets: [],
          action: 'team.sign-in',
          outcome: 'ok',
          status: 200,
        },
      ),
    );
    c.header(
      'set-cookie',
      sessionCookie(id, { secure: secure(c), maxAgeSeconds: store.maxAgeSeconds(person) }),
    );
    c.header('set-cookie', clearedEndedCookie({ secure: secure(c) }), { append: true });
    return c.json({ signedIn: true, ...describePerson(person) });
  });

  app.post('/api/team/sign-out', async (c) => {
    const bound = currentPerson();
    const id = sessionIdOf(c.req.raw);
    const info = bound?.person.info();
    const revoked = await store.destroy(id);
    if (info)
      deps.audit.append(
        teamAuditEntry(
          cloudName,
          { user: info.user.name, project: info.project?.name ?? null },
          {
            action: 'team.sign-out',
            path: c.req.path,
            targets: [],
            outcome: revoked ? 'ok' : 'error',
            status: 200,
            requestId: c.get('requestId'),
          },
        ),
      );
    c.header('set-cookie', clearedSessionCookie({ secure: secure(c) }));
    c.header('set-cookie', clearedEndedCookie({ secure: secure(c) }), { append: true });
    return c.json({ signedOut: true, revoked });
  });

  app.get('/api/team/projects', async (c) => {
    const bound = currentPerson();
    if (!bound) return fail(c, 'unauthorized', 401, 'Sign in first.');
    try {
      const projects = await bound.person.listProjects();
      return c.json({
        projects: projects
          .filter((p) => p.enabled !== false)
          .map((p) => ({ id: p.id, name: p.name, domainId: p.domain_id }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        current: bound.person.info().project?.id ?? null,
        canSwitch: bound.person.method === 'password',
      });
    } catch (e) {
      const env = { ...toEnvelope(e, 'identity') };
      env.requestId ??= c.get('requestId');
      return envelopeResponse(env, c.get('requestId'));
    }
  });

  app.post('/api/team/project', async (c) => {
    const bound = currentPerson();
    if (!bound) return fail(c, 'unauthorized', 401, 'Sign in first.');
    const body = await jsonBody(c);
    const projectId = (body as { projectId?: unknown } | undefined)?.projectId;
    if (typeof projectId !== 'string' || !/^[0-9A-Za-z_-]{1,64}$/.test(projectId))
      return fail(c, 'bad_request', 400, 'Body must be {"projectId": "<project id>"}.');
    if (bound.person.method !== 'password')
      return fail(
        c,
        'bad_request',
        400,
        'An application credential is bound to its project: sign in with a password to switch.',
      );
    const before = bound.person.info();
    let next: PersonSession;
    try {
      next = await bound.person.rescope(projectId);
    } catch (e) {
      const env = { ...toEnvelope(e, 'identity') };
      env.requestId ??= c.get('requestId');
      if (env.status === 401 || env.status === 403)
        return fail(c, 'forbidden', 403, `${before.user.name} may not work in that project.`);
      return envelopeResponse(env, c.get('requestId'));
    }
    await store.replace(bound.sessionId, next);
    await bound.person
      .revoke()
      .catch((e: unknown) =>
        deps.log?.(`team: revoking the previous scope failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    const info = next.info();
    deps.audit.append(
      teamAuditEntry(
        cloudName,
        { user: info.user.name, project: info.project?.name ?? null },
        {
          action: 'team.switch-project',
          path: c.req.path,
          targets: [before.project?.name ?? '(none)', info.project?.name ?? '(none)'],
          outcome: 'ok',
          status: 200,
          requestId: c.get('requestId'),
        },
      ),
    );
    return c.json({ signedIn: true, ...describePerson(next) });
  });
}
