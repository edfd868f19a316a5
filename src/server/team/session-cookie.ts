/**
 * The team-mode session cookie: an opaque random id (the token itself stays on the server), HttpOnly,
 * SameSite=Strict, Path=/, and Secure when the browser reached us over TLS.
 */
import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'glance_lineage_session';
/**
 * Set when a session ends without the person signing out (Keystone refused its token, or it sat idle),
 * so the sign-in page can say why even if the page that got the 401 was reloaded before it could
 * tell. It holds no secret: its value is always `1`.
 */
export const ENDED_COOKIE = 'glance_lineage_ended';

function cookieValue(req: Request, name: string): string | null {
  const header = req.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** 256 random bits, base64url. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** The session id the request carries, or null (malformed values are ignored, never trusted). */
export function sessionIdOf(req: Request): string | null {
  const value = cookieValue(req, SESSION_COOKIE);
  return value !== null && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/** The request says its session ended without a sign-out: the marker, or a session id nothing knows. */
export function carriesEndedSession(req: Request): boolean {
  return cookieValue(req, ENDED_COOKIE) === '1' || sessionIdOf(req) !== null;
}

function cookie(name: string, value: string, opts: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`,
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}

export function sessionCookie(id: string, opts: { secure: boolean; maxAgeSeconds: number }): string {
  return cookie(SESSION_COOKIE, id, opts);
}

export function clearedSessionCookie(opts: { secure: boolean }): string {
  return sessionCookie('', { secure: opts.secure, maxAgeSeconds: 0 });
}

/** Appends to `headers` the session cookie cleared and the ended marker set (for a day). */
export function appendEndedSessionCookies(headers: Headers, opts: { secure: boolean }): void {
  headers.append('set-cookie', clearedSessionCookie(opts));
  headers.append('set-cookie', cookie(ENDED_COOKIE, '1', { ...opts, maxAgeSeconds: 86_400 }));
}

export function clearedEndedCookie(opts: { secure: boolean }): string {
  return cookie(ENDED_COOKIE, '', { ...opts, maxAgeSeconds: 0 });
}

/**
 * Whether the browser is on TLS: the request URL itself, `--secure-cookies`, or (only with the trusted
 * proxy setting) the proxy's X-Forwarded-Proto.
 */
export function isSecureRequest(
  req: Request,
  opts: { secureCookies: boolean; trustProxy: boolean },
): boolean {
  if (opts.secureCookies) return true;
  if (new URL(req.url).protocol === 'https:') return true;
  if (!opts.trustProxy) return false;
  const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}
