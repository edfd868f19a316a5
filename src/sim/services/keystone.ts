/** Keystone v3: password / token / application-credential auth, token validation and revocation, projects. */
import { randomBytes } from 'node:crypto';
import type { KeystoneCatalogEntry, KeystoneToken } from '../../openstack/types/keystone';
import type { SimContext, TokenRecord } from '../context';
import { empty, isRecord, isoMicros, json, keystoneErrorBody, readJson, requestId } from '../http';
import {
  APP_CREDENTIALS,
  DOMAIN,
  PROJECT_IDS,
  ROLE_IDS,
  USERS,
  projectNameOf,
  userById,
  userByName,
  type ProjectName,
  type RoleName,
  type SimUser,
} from '../state/identity';
import { SIM_ORIGIN } from '../origin';

export const TOKEN_LIFETIME_MS = 3600_000;
const AUTH_REQUIRED = 'The request you have made requires authentication.';

const SERVICES = [
  {
    type: 'identity',
    name: 'keystone',
    id: '72a98700ed5d4fee85870d8100c8f75a',
    url: `${SIM_ORIGIN}/identity/v3`,
  },
  { type: 'image', name: 'glance', id: '6f2c62a35f6f48b692f2d8285fc231a7', url: `${SIM_ORIGIN}/image` },
  {
    type: 'compute',
    name: 'nova',
    id: '961ddc09a22c484ba7126fd71a2e482f',
    url: `${SIM_ORIGIN}/compute/v2.1`,
  },
] as const;

export function simCatalog(): KeystoneCatalogEntry[] {
  return SERVICES.map((s) => ({
    id: s.id,
    type: s.type,
    name: s.name,
    endpoints: (['public', 'internal', 'admin'] as const).map((iface, i) => ({
      id: `${s.id.slice(0, 30)}${i}${iface[0]}`,
      interface: iface,
      region: 'RegionOne',
      region_id: 'RegionOne',
      url: s.url,
    })),
  }));
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return { 'X-Openstack-Request-Id': requestId(), Vary: 'X-Auth-Token', ...extra };
}

function err(status: number, message: string, extra: Record<string, string> = {}): Response {
  const h = headers(extra);
  if (status === 401) h['WWW-Authenticate'] = `Keystone uri="${SIM_ORIGIN}/identity"`;
  return json(status, keystoneErrorBody(status, message), h);
}

function tokenBody(t: TokenRecord): { token: KeystoneToken } {
  const user = userById(t.userId);
  const pname = projectNameOf(t.projectId) ?? t.projectId;
  const appCred = APP_CREDENTIALS.find((a) => a.id === t.appCredentialId);
  return {
    token: {
      audit_ids: [t.auditId],
      catalog: simCatalog(),
      expires_at: `${isoMicros(t.expiresAt)}Z`,
      is_domain: false,
      issued_at: `${isoMicros(t.issuedAt)}Z`,
      methods: t.methods,
      project: { domain: { ...DOMAIN }, id: t.projectId, name: pname },
      roles: t.roles.map((r) => ({ id: ROLE_IDS[r], name: r })),
      user: { domain: { ...DOMAIN }, id: t.userId, name: user?.name ?? t.userId, password_expires_at: null },
      ...(appCred
        ? { application_credential: { id: appCred.id, name: appCred.name, restricted: true } }
        : {}),
    },
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function domainMatches(d: unknown): boolean {
  if (d === undefined) return true;
  if (!isRecord(d)) return false;
  const id = str(d.id);
  const name = str(d.name);
  return (id === undefined || id === DOMAIN.id) && (name === undefined || name === DOMAIN.name);
}

function resolveScope(scope: unknown, user: SimUser): ProjectName | 'invalid' | 'unauthorized' {
  if (scope === undefined || scope === 'unscoped') return user.defaultProject;
  if (!isRecord(scope) || !isRecord(scope.project)) return 'invalid';
  const p = scope.project;
  const byId = str(p.id);
  const byName = str(p.name);
  let name: ProjectName | undefined;
  if (byId) name = projectNameOf(byId);
  else if (byName && domainMatches(p.domain))
    name = (Object.keys(PROJECT_IDS) as ProjectName[]).find((k) => k === byName);
  else return 'invalid';
  if (!name || !user.roles[name]?.length) return 'unauthorized';
  return name;
}

function issue(
  ctx: SimContext,
  user: SimUser,
  project: ProjectName,
  methods: string[],
  appCredentialId: string | null,
): TokenRecord {
  const now = ctx.clock.now();
  const t: TokenRecord = {
    id: randomBytes(32).toString('hex'),
    userId: user.id,
    projectId: PROJECT_IDS[project],
    roles: [...(user.roles[project] ?? [])] as RoleName[],
    methods,
    issuedAt: now,
    expiresAt: now + TOKEN_LIFETIME_MS,
    revoked: false,
    auditId: randomBytes(16).toString('base64url').slice(0, 22),
    appCredentialId,
  };
  ctx.tokens.set(t.id, t);
  return t;
}

function validToken(ctx: SimContext, id: string | null): TokenRecord | undefined {
  if (!id) return undefined;
  const t = ctx.tokens.get(id);
  if (!t || t.revoked || t.expiresAt <= ctx.clock.now()) return undefined;
  return t;
}

async function authenticate(ctx: SimContext, req: Request): Promise<Response> {
  const body = await readJson(req);
  if (!isRecord(body) || !isRecord(body.auth) || !isRecord(body.auth.identity)) {
    return err(400, "Invalid input for field 'identity': 'identity' is a required property");
  }
  const identity = body.auth.identity;
  const methods = Array.isArray(identity.methods)
    ? identity.methods.filter((m): m is string => typeof m === 'string')
    : [];
  const method = methods[0];
  let user: SimUser | undefined;
  let appCredentialId: string | null = null;
  let forcedProject: ProjectName | undefined;
  if (method === 'password' && isRecord(identity.password) && isRecord(identity.password.user)) {
    const u = identity.password.user;
    const candidate = str(u.id)
      ? userById(str(u.id)!)
      : domainMatches(u.domain)
        ? userByName(str(u.name) ?? '')
        : undefined;
    if (candidate && candidate.password === str(u.password)) user = candidate;
  } else if (method === 'token' && isRecord(identity.token)) {
    const t = validToken(ctx, str(identity.token.id) ?? null);
    if (t) user = userById(t.userId);
  } else if (method === 'application_credential' && isRecord(identity.application_credential)) {
    const a = identity.application_credential;
    const owner = isRecord(a.user)
      ? str(a.user.id)
        ? userById(str(a.user.id)!)
        : userByName(str(a.user.name) ?? '')
      : undefined;
    const cred = APP_CREDENTIALS.find(
      (c) =>
        (str(a.id) ? c.id === a.id : c.name === a.name && owner?.name === c.user) &&
        c.secret === str(a.secret),
    );
    if (cred) {
      user = userByName(cred.user);
      appCredentialId = cred.id;
      forcedProject = user?.defaultProject;
    }
  } else {
    return err(
      400,
      'Expecting to find identity in auth. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.',
    );
  }
  if (!user) return err(401, AUTH_REQUIRED);
  let project: ProjectName;
  if (forcedProject) project = forcedProject;
  else {
    const scope = resolveScope(body.auth.scope, user);
    if (scope === 'invalid') return err(400, 'Invalid scope in auth request.');
    if (scope === 'unauthorized') return err(401, AUTH_REQUIRED);
    project = scope;
  }
  const token = issue(
    ctx,
    user,
    project,
    method === 'token' ? ['token', 'password'] : [method ?? 'password'],
    appCredentialId,
  );
  return json(201, tokenBody(token), headers({ 'X-Subject-Token': token.id }));
}

function projectJson(name: ProjectName): Record<string, unknown> {
  const id = PROJECT_IDS[name];
  return {
    id,
    name,
    domain_id: DOMAIN.id,
    enabled: true,
    description: `${name} project (simulator)`,
    is_domain: false,
    parent_id: DOMAIN.id,
    tags: [],
    options: {},
    links: { self: `${SIM_ORIGIN}/identity/v3/projects/${id}` },
  };
}

export async function handleKeystone(
  ctx: SimContext,
  req: Request,
  path: string,
  url: URL,
): Promise<Response> {
  const method = req.method.toUpperCase();
  if (path === '/v3' || path === '/v3/') {
    return json(
      200,
      {
        version: {
          id: 'v3.14',
          status: 'stable',
          updated: '2020-04-07T00:00:00Z',
          links: [{ rel: 'self', href: `${SIM_ORIGIN}/identity/v3/` }],
          media_types: [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
        },
      },
      headers(),
    );
  }
  if (path === '/v3/auth/tokens') {
    if (method === 'POST') return authenticate(ctx, req);
    const caller = validToken(ctx, req.headers.get('x-auth-token'));
    if (!caller) return err(401, AUTH_REQUIRED);
    const subjectId = req.headers.get('x-subject-token');
    const subject = validToken(ctx, subjectId);
    if (method === 'DELETE') {
      if (!subject) return err(404, `Could not find token: ${subjectId ?? ''}.`);
      subject.revoked = true;
      return empty(204, headers());
    }
    if (method === 'GET' || method === 'HEAD') {
      if (!subject) return err(404, `Could not find token: ${subjectId ?? ''}.`);
      return method === 'HEAD'
        ? empty(200, headers({ 'X-Subject-Token': subject.id }))
        : json(200, tokenBody(subject), headers({ 'X-Subject-Token': subject.id }));
    }
    return err(405, 'The method specified is not allowed for the requested resource.');
  }
  const caller = validToken(ctx, req.headers.get('x-auth-token'));
  if (!caller) return err(401, AUTH_REQUIRED);
  const user = userById(caller.userId);
  if (method === 'GET' && path === '/v3/auth/projects') {
    const names = (Object.keys(PROJECT_IDS) as ProjectName[]).filter((p) => user?.roles[p]?.length);
    return json(
      200,
      { projects: names.map(projectJson), links: { self: url.href, previous: null, next: null } },
      headers(),
    );
  }
  if (method === 'GET' && path === '/v3/auth/catalog') {
    return json(
      200,
      { catalog: simCatalog(), links: { self: url.href, previous: null, next: null } },
      headers(),
    );
  }
  const isAdmin = caller.roles.includes('admin');
  if (method === 'GET' && path === '/v3/projects') {
    if (!isAdmin)
      return err(403, 'You are not authorized to perform the requested action: identity:list_projects.');
    const wanted = url.searchParams.get('name');
    const names = (Object.keys(PROJECT_IDS) as ProjectName[]).filter((p) => wanted === null || p === wanted);
    return json(
      200,
      { projects: names.map(projectJson), links: { self: url.href, previous: null, next: null } },
      headers(),
    );
  }
  const one = /^\/v3\/projects\/([^/]+)$/.exec(path);
  if (method === 'GET' && one) {
    const name = projectNameOf(decodeURIComponent(one[1]!));
    if (!isAdmin && PROJECT_IDS[name ?? 'admin'] !== caller.projectId) {
      return err(403, 'You are not authorized to perform the requested action: identity:get_project.');
    }
    if (!name) return err(404, `Could not find project: ${one[1]}.`);
    return json(200, { project: projectJson(name) }, headers());
  }
  const users = /^\/v3\/users\/([^/]+)$/.exec(path);
  if (method === 'GET' && users) {
    const u = userById(decodeURIComponent(users[1]!));
    if (!isAdmin && u?.id !== caller.userId)
      return err(403, 'You are not authorized to perform the requested action: identity:get_user.');
    if (!u) return err(404, `Could not find user: ${users[1]}.`);
    return json(
      200,
      {
        user: {
          id: u.id,
          name: u.name,
          domain_id: DOMAIN.id,
          enabled: true,
          default_project_id: PROJECT_IDS[u.defaultProject],
        },
      },
      headers(),
    );
  }
  return err(404, 'The resource could not be found.');
}

export { USERS };
