/**
 * The team-mode session cookie: an opaque random id (the token itself stays on the server), HttpOnly,
 * SameSite=Strict, Path=/, and Secure when the browser reached us over TLS.
 */
import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'glance_lineage_session';

/** 256 random bits, base64url. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** The session id the request carries, or null (malformed values are ignored, never trusted). */
export function sessionIdOf(req: Request): string | null {
  const header = req.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
  }
  return null;
}

export function sessionCookie(id: string, opts: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${SESSION_COOKIE}=${id}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`,
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(opts: { secure: boolean }): string {
  return sessionCookie('', { secure: opts.secure, maxAgeSeconds: 0 });
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
