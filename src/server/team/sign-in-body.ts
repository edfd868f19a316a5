/** The body of `POST /api/team/sign-in`, checked field by field. */
import type { PersonCredentials } from './person-session';

const MAX = 255;

function text(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX ? v : null;
}

/** The credentials, or null when the body is not one of the two accepted shapes. */
export function parseSignIn(body: unknown): PersonCredentials | null {
  if (typeof body !== 'object' || body === null) return null;
  const o = body as Record<string, unknown>;
  if (o.method === 'application_credential') {
    const id = text(o.id);
    const secret = text(o.secret);
    return id && secret ? { method: 'application_credential', id: id.trim(), secret } : null;
  }
  if (o.method !== 'password') return null;
  const username = text(o.username);
  const password = text(o.password);
  if (!username || !password) return null;
  const domain = o.domain === undefined || o.domain === '' ? 'Default' : text(o.domain);
  const project = o.project === undefined || o.project === '' || o.project === null ? null : text(o.project);
  if (domain === null || (o.project && project === null)) return null;
  return {
    method: 'password',
    username: username.trim(),
    password,
    domain: domain.trim(),
    project: project?.trim() ?? null,
  };
}

/** The rate-limit key of the name being tried (case-insensitive). */
export function userKey(creds: PersonCredentials): string {
  return creds.method === 'password'
    ? `user:${creds.domain.toLowerCase()}/${creds.username.toLowerCase()}`
    : `appcred:${creds.id.toLowerCase()}`;
}

/** How the attempt names the person in the audit log when it fails (never the secret). */
export function claimedName(creds: PersonCredentials): string {
  return creds.method === 'password'
    ? `${creds.username}@${creds.domain}`
    : `application credential ${creds.id}`;
}
