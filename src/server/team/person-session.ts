/**
 * One signed-in person's Keystone session. Authenticates once with what the person typed, then never
 * again: the password or secret is dropped from the config right after sign-in, and the session's fetch
 * refuses any later `POST /v3/auth/tokens`, so when Keystone stops accepting the token (expired, revoked)
 * the person's session ends instead of renewing silently. Re-scoping to another project authenticates
 * with the current token (the token method), which is the one exception, made explicitly.
 */
import type { CloudConfig, SessionInfo } from '../../openstack/cloud-config';
import { createNodeFetch, type FetchLike } from '../../openstack/fetch-like';
import { identityBase, KeystoneSession } from '../../openstack/session';
import type { ApiService, Transport } from '../../openstack/transport';
import type { KeystoneProject, KeystoneToken } from '../../openstack/types';

/** The cloud people sign in to: its Keystone, region, interface and TLS settings (credentials unused). */
export interface TeamCloud {
  config: CloudConfig;
  /** Fetch for Keystone and the services (the simulator's in demo mode); default: node:http. */
  fetch?: FetchLike;
}

export type PersonCredentials =
  | { method: 'password'; username: string; password: string; domain: string; project: string | null }
  | { method: 'application_credential'; id: string; secret: string };

const ROLES_THAT_WRITE = new Set(['admin', 'member', '_member_']);

function urlOf(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/** A fetch that lets exactly one token request through and records the token it got. */
function oneShotAuthFetch(
  cloud: TeamCloud,
  onToken: (token: string) => void,
  onRefused: () => void,
  alreadyIssued = false,
): FetchLike {
  const tokensUrl = `${identityBase(cloud.config.auth.auth_url)}/auth/tokens`;
  const tls = { cacert: cloud.config.cacert, verify: cloud.config.verify };
  const identity = cloud.fetch ?? createNodeFetch({ ...tls, keepAlive: false });
  const service = cloud.fetch ?? createNodeFetch({ ...tls, keepAlive: true });
  let issued = alreadyIssued;
  return async (input, init) => {
    const url = urlOf(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (url.split('?')[0] !== tokensUrl)
      return url.startsWith(tokensUrl.replace(/\/auth\/tokens$/, ''))
        ? identity(input, init)
        : service(input, init);
    if (method !== 'POST') return identity(input, init);
    if (issued) {
      onRefused();
      return Response.json(
        { error: { code: 401, title: 'Unauthorized', message: 'The session ended: sign in again.' } },
        { status: 401 },
      );
    }
    const res = await identity(input, init);
    const token = res.headers.get('x-subject-token');
    if (res.ok && token) {
      issued = true;
      onToken(token);
    }
    return res;
  };
}

function personConfig(cloud: TeamCloud, creds: PersonCredentials): CloudConfig {
  const base = cloud.config;
  const auth_url = base.auth.auth_url;
  if (creds.method === 'application_credential')
    return {
      ...base,
      authType: 'v3applicationcredential',
      auth: { auth_url, application_credential_id: creds.id, application_credential_secret: creds.secret },
    };
  return {
    ...base,
    authType: 'password',
    auth: {
      auth_url,
      username: creds.username,
      password: creds.password,
      user_domain_name: creds.domain,
      ...(creds.project ? { project_name: creds.project, project_domain_name: creds.domain } : {}),
    },
  };
}

/** A person's session as a replica stores it (see SessionStore's shared directory). */
export interface PersonRecord {
  v: 1;
  method: PersonCredentials['method'];
  token: string;
  body: KeystoneToken;
}

function isPersonRecord(r: unknown): r is PersonRecord {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Partial<PersonRecord>;
  return (
    x.v === 1 &&
    (x.method === 'password' || x.method === 'application_credential') &&
    typeof x.token === 'string' &&
    x.token.length > 0 &&
    typeof x.body === 'object' &&
    x.body !== null &&
    typeof x.body.expires_at === 'string' &&
    typeof x.body.user === 'object' &&
    x.body.user !== null
  );
}

export class PersonSession implements Transport {
  readonly method: PersonCredentials['method'];
  readonly #cloud: TeamCloud;
  readonly #keystone: KeystoneSession;
  readonly #token: () => string;
  readonly #ended: () => boolean;

  private constructor(
    cloud: TeamCloud,
    method: PersonCredentials['method'],
    keystone: KeystoneSession,
    token: () => string,
    ended: () => boolean,
  ) {
    this.#cloud = cloud;
    this.method = method;
    this.#keystone = keystone;
    this.#token = token;
    this.#ended = ended;
  }

  /** Throws OpenStackError `auth_failed` (401) when Keystone refuses, or a network error. */
  static async signIn(cloud: TeamCloud, creds: PersonCredentials): Promise<PersonSession> {
    const config = personConfig(cloud, creds);
    const session = await PersonSession.#open(cloud, config, creds.method);
    // Never needed again (renewals are refused): do not keep the person's secret in memory.
    delete config.auth.password;
    delete config.auth.application_credential_secret;
    return session;
  }

  /**
   * The session a record written by `toRecord` describes (another replica signed the person in): no
   * request to Keystone, and like every person's session it never authenticates again by itself.
   * Null when the record is not one.
   */
  static fromRecord(cloud: TeamCloud, record: unknown): PersonSession | null {
    if (!isPersonRecord(record)) return null;
    let ended = false;
    const fetch = oneShotAuthFetch(
      cloud,
      () => undefined,
      () => (ended = true),
      true,
    );
    const config: CloudConfig = {
      ...cloud.config,
      authType: 'token',
      auth: { auth_url: cloud.config.auth.auth_url },
    };
    const keystone = KeystoneSession.fromToken(config, record.token, record.body, {
      fetch,
      renewBeforeMs: 0,
    });
    const token = record.token;
    return new PersonSession(
      cloud,
      record.method,
      keystone,
      () => token,
      () => ended,
    );
  }

  /** What another replica needs to serve this session (the token included: the store encrypts it). */
  toRecord(): PersonRecord {
    const body = this.#keystone.tokenBody();
    if (!body) throw new Error('the session has no token (revoked)');
    return { v: 1, method: this.method, token: this.#token(), body };
  }

  static async #open(
    cloud: TeamCloud,
    config: CloudConfig,
    method: PersonCredentials['method'],
  ): Promise<PersonSession> {
    let token: string | null = null;
    let ended = false;
    const fetch = oneShotAuthFetch(
      cloud,
      (t) => (token = t),
      () => (ended = true),
    );
    const keystone = await KeystoneSession.open(config, { fetch, renewBeforeMs: 0 });
    return new PersonSession(
      cloud,
      method,
      keystone,
      () => token ?? '',
      () => ended,
    );
  }

  info(): SessionInfo {
    return this.#keystone.info();
  }

  request(service: ApiService, path: string, init?: RequestInit): Promise<Response> {
    return this.#keystone.request(service, path, init);
  }

  /** Has a role that may change things (member or admin); a reader-only person gets read-only. */
  canWrite(): boolean {
    return this.info().roles.some((r) => ROLES_THAT_WRITE.has(r.toLowerCase()));
  }

  /** Keystone stopped accepting the token and a renewal was refused: the session is over. */
  get ended(): boolean {
    return this.#ended();
  }

  expiresAtMs(): number {
    const t = Date.parse(this.info().expiresAt);
    return Number.isFinite(t) ? t : Number.POSITIVE_INFINITY;
  }

  listProjects(): Promise<KeystoneProject[]> {
    return this.#keystone.listProjects();
  }

  /**
   * A new session scoped to `projectId`, authenticated with this session's token (Keystone keeps the
   * original expiry). The caller revokes this one afterwards.
   */
  async rescope(projectId: string): Promise<PersonSession> {
    const base = this.#cloud.config;
    const config: CloudConfig = {
      ...base,
      authType: 'token',
      auth: { auth_url: base.auth.auth_url, token: this.#token(), project_id: projectId },
    };
    const next = await PersonSession.#open(this.#cloud, config, this.method);
    delete config.auth.token;
    return next;
  }

  /** Revokes the token at Keystone (DELETE /v3/auth/tokens). */
  revoke(): Promise<void> {
    return this.#keystone.revoke();
  }
}
