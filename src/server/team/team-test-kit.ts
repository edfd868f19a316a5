/**
 * Test wiring of team mode on the real stack: the simulator's Keystone behind each person's
 * KeystoneSession, the proxy app in team mode over it, and helpers that sign people in the way the
 * sign-in page does (app header, same origin) and keep each browser's cookie.
 */
import { createSimulator, SIM_IDENTITY_URL } from '../../sim';
import { createApp } from '../app';
import { createMemoryAuditLog } from '../audit-log';
import { proxySettings } from '../settings';
import { appHeaders, TEST_PORT, url } from '../test-helpers';
import { personUpstream } from './request-person';
import { ENDED_COOKIE, SESSION_COOKIE } from './session-cookie';
import { createTeamMode, type TeamOptions } from './team-mode';
import { simCloudConfig } from '../../sim';

export interface TeamStackOptions extends Partial<Omit<TeamOptions, 'cloud'>> {
  trustProxySettings?: boolean;
  /** The cloud of another stack (replicas of one proxy in front of one cloud). */
  sim?: ReturnType<typeof createSimulator>;
}

export function teamStack(opts: TeamStackOptions = {}) {
  const sim = opts.sim ?? createSimulator({ scenario: 'demo' });
  const keystoneCalls: { method: string; path: string; subject: string | null }[] = [];
  /** Every token Keystone issued to this stack's people (X-Subject-Token of its answers). */
  const issuedTokens: string[] = [];
  const team = createTeamMode({
    cloud: {
      config: simCloudConfig('admin'),
      fetch: async (input, init) => {
        const req = new Request(input, init);
        const u = new URL(req.url);
        if (u.href.startsWith(SIM_IDENTITY_URL))
          keystoneCalls.push({
            method: req.method,
            path: u.pathname,
            subject: req.headers.get('x-subject-token'),
          });
        const res = await sim.fetch(req);
        const issued = res.headers.get('x-subject-token');
        if (issued && req.method === 'POST') issuedTokens.push(issued);
        return res;
      },
    },
    ...opts,
  });
  const audit = createMemoryAuditLog();
  const logs: string[] = [];
  const app = createApp({
    upstream: personUpstream,
    team,
    settings: proxySettings({ port: TEST_PORT, ...(opts.trustProxySettings ? { trustProxy: true } : {}) }),
    audit,
    mode: 'demo',
    log: (line) => logs.push(line),
  });
  return { app, sim, team, audit, logs, keystoneCalls, issuedTokens };
}

export type TeamStack = ReturnType<typeof teamStack>;

/** The session cookie value a response set, or null ('' when it was cleared). */
export function setCookieValue(res: Response): string | null {
  const line = res.headers.getSetCookie().find((l) => l.startsWith(`${SESSION_COOKIE}=`));
  return line ? line.slice(SESSION_COOKIE.length + 1).split(';')[0]! : null;
}

/** One browser: keeps the session cookie (and the ended marker) between requests like a browser would. */
export function browser(stack: TeamStack, extraHeaders: Record<string, string> = {}) {
  let cookie: string | null = null;
  let endedMarker = false;
  const send = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(extraHeaders)) headers.set(k, v);
    const jar = [
      ...(cookie ? [`${SESSION_COOKIE}=${cookie}`] : []),
      ...(endedMarker ? [`${ENDED_COOKIE}=1`] : []),
    ];
    if (jar.length > 0) headers.set('cookie', jar.join('; '));
    const res = await stack.app.request(url(path), { ...init, headers });
    const set = setCookieValue(res);
    if (set !== null) cookie = set || null;
    const marker = res.headers.getSetCookie().find((l) => l.startsWith(`${ENDED_COOKIE}=`));
    if (marker) endedMarker = marker.startsWith(`${ENDED_COOKIE}=1;`);
    return res;
  };
  return {
    get cookie() {
      return cookie;
    },
    set cookie(v: string | null) {
      cookie = v;
    },
    get: (path: string) => send(path),
    post: (path: string, body?: unknown, headers: Record<string, string> = appHeaders()) =>
      send(path, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    send,
    signIn: (username: string, extra: Record<string, unknown> = {}) =>
      send('/api/team/sign-in', {
        method: 'POST',
        headers: { ...appHeaders(), 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'password', username, password: `${username}-secret`, ...extra }),
      }),
  };
}
