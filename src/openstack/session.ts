/**
 * A Keystone v3 session: authenticates (password, application credential or token), keeps the token and
 * the service catalog, renews the token before it expires and once after a 401, and sends Glance/Nova
 * requests to the catalog's endpoints. Node only. The token, password and secrets stay in private fields
 * and never reach a message or a log line.
 */
import type { CloudConfig, SessionInfo } from './cloud-config';
import { configError } from './config';
import { errorFromNetwork, errorFromResponse, requestIdOf } from './error-mapping';
import { OpenStackError } from './errors';
import { createNodeFetch } from './fetch-like';
import type { FetchLike } from './fetch-like';
import type { ApiService, Transport } from './transport';
import { NOVA_MICROVERSION } from './types';
import type { KeystoneProject, KeystoneToken, KeystoneTokenResponse } from './types';

export interface KeystoneSessionOptions {
  /** Used for Keystone and for the services. Default: node:http fetches honouring cacert/verify; the one
   *  for Keystone never keeps connections alive (uwsgi, LAB-NOTES pitfall 4). */
  fetch?: FetchLike;
  now?: () => number;
  /** Renew the token when it expires within this many ms (default 5 minutes). */
  renewBeforeMs?: number;
}

interface TokenState {
  value: string;
  token: KeystoneToken;
  issuedAt: number;
  expiresAt: number;
}

const DEFAULT_RENEW_BEFORE_MS = 5 * 60_000;

export class KeystoneSession implements Transport {
  readonly #config: CloudConfig;
  readonly #identityBase: string;
  readonly #identityFetch: FetchLike;
  readonly #serviceFetch: FetchLike;
  readonly #now: () => number;
  readonly #renewBeforeMs: number;
  #state: TokenState | null = null;
  #lastToken: KeystoneToken | null = null;
  #inflight: Promise<TokenState> | null = null;

  private constructor(config: CloudConfig, opts: KeystoneSessionOptions) {
    this.#config = config;
    this.#identityBase = identityBase(config.auth.auth_url);
    this.#identityFetch =
      opts.fetch ?? createNodeFetch({ cacert: config.cacert, verify: config.verify, keepAlive: false });
    this.#serviceFetch =
      opts.fetch ?? createNodeFetch({ cacert: config.cacert, verify: config.verify, keepAlive: true });
    this.#now = opts.now ?? Date.now;
    this.#renewBeforeMs = opts.renewBeforeMs ?? DEFAULT_RENEW_BEFORE_MS;
  }

  /** Authenticates once; throws `auth_failed`, `config_error` or a network error. */
  static async open(config: CloudConfig, opts: KeystoneSessionOptions = {}): Promise<KeystoneSession> {
    const session = new KeystoneSession(config, opts);
    await session.#renew();
    return session;
  }

  /**
   * A session over a token issued earlier (`value` from X-Subject-Token, `token` the body Keystone sent
   * with it), without asking Keystone: for a proxy replica taking over a person's shared session. When
   * the token nears expiry it authenticates with `config` as usual (a team session's fetch refuses that).
   */
  static fromToken(
    config: CloudConfig,
    value: string,
    token: KeystoneToken,
    opts: KeystoneSessionOptions = {},
  ): KeystoneSession {
    const session = new KeystoneSession(config, opts);
    const now = session.#now();
    const expiresAt = Date.parse(token.expires_at);
    const issuedAt = Date.parse(token.issued_at);
    session.#state = {
      value,
      token,
      expiresAt: Number.isFinite(expiresAt) ? expiresAt : now + 3600_000,
      issuedAt: Number.isFinite(issuedAt) ? issuedAt : now,
    };
    session.#lastToken = token;
    return session;
  }

  /** The body of the current token (user, project, roles, catalog, expiry; never the token itself). */
  tokenBody(): KeystoneToken | null {
    return this.#state?.token ?? null;
  }

  info(): SessionInfo {
    const t = this.#state?.token ?? this.#lastToken;
    if (!t) throw configError('the Keystone session has no token');
    const roles = (t.roles ?? []).map((r) => r.name);
    return {
      cloud: this.#config.name,
      region: this.#config.regionName,
      authUrl: this.#config.auth.auth_url,
      user: { id: t.user.id, name: t.user.name, domain: t.user.domain?.name ?? null },
      project: t.project
        ? { id: t.project.id, name: t.project.name, domain: t.project.domain?.name ?? null }
        : null,
      roles,
      isAdmin: roles.includes('admin'),
      expiresAt: t.expires_at,
    };
  }

  /** The catalog URL of `service` for the configured interface and region, without a trailing slash. */
  endpoint(service: ApiService): string {
    const catalog = (this.#state?.token ?? this.#lastToken)?.catalog ?? [];
    const { interface: iface, regionName: region, name } = this.#config;
    const entries = catalog.filter((e) => e.type === service);
    if (entries.length === 0) {
      const types = [...new Set(catalog.map((e) => e.type))].sort();
      throw configError(
        `the Keystone catalog of cloud '${name}' has no '${service}' service` +
          (types.length
            ? ` (it has: ${types.join(', ')})`
            : ' (the catalog is empty: is the token scoped to a project?)'),
      );
    }
    const all = entries.flatMap((e) => e.endpoints);
    const match = all.find(
      (ep) => ep.interface === iface && (region === null || ep.region_id === region || ep.region === region),
    );
    if (!match) {
      const offered = all.map((ep) => `${ep.interface}@${ep.region_id ?? ep.region ?? 'no region'}`);
      throw configError(
        `the Keystone catalog of cloud '${name}' has no ${iface} '${service}' endpoint` +
          `${region !== null ? ` in region '${region}'` : ''} (it has: ${[...new Set(offered)].join(', ')})`,
      );
    }
    return match.url.replace(/\/+$/, '');
  }

  async request(service: ApiService, path: string, init: RequestInit = {}): Promise<Response> {
    const state = await this.#validToken();
    const url = this.endpoint(service) + (path.startsWith('/') ? path : `/${path}`);
    const first = await this.#send(service, url, init, state.value);
    if (first.status !== 401 || !isReplayable(init.body)) return first;
    await first.body?.cancel().catch(() => undefined);
    const fresh = await this.#renewAfter401(state);
    return this.#send(service, url, init, fresh.value);
  }

  /** Revokes the token (DELETE /v3/auth/tokens). A later request authenticates again. */
  async revoke(): Promise<void> {
    const state = this.#state;
    if (!state) return;
    this.#state = null;
    const url = `${this.#identityBase}/auth/tokens`;
    const res = await this.#identity(url, {
      method: 'DELETE',
      headers: { 'X-Auth-Token': state.value, 'X-Subject-Token': state.value, Accept: 'application/json' },
    });
    if (res.ok || res.status === 404) {
      await res.body?.cancel().catch(() => undefined);
      return;
    }
    throw await errorFromResponse('identity', res);
  }

  /** The projects the user may scope to (GET /v3/auth/projects). */
  listProjects(): Promise<KeystoneProject[]> {
    return this.#listProjectsAt('/auth/projects');
  }

  /** Every project of the cloud (GET /v3/projects): Keystone answers 403 unless the token may list them (admin). */
  listAllProjects(): Promise<KeystoneProject[]> {
    return this.#listProjectsAt('/projects');
  }

  async #listProjectsAt(path: '/auth/projects' | '/projects'): Promise<KeystoneProject[]> {
    const url = `${this.#identityBase}${path}`;
    let state = await this.#validToken();
    let res = await this.#identity(url, {
      headers: { 'X-Auth-Token': state.value, Accept: 'application/json' },
    });
    if (res.status === 401) {
      await res.body?.cancel().catch(() => undefined);
      state = await this.#renewAfter401(state);
      res = await this.#identity(url, {
        headers: { 'X-Auth-Token': state.value, Accept: 'application/json' },
      });
    }
    if (!res.ok) throw await errorFromResponse('identity', res);
    const body = (await res.json()) as { projects?: KeystoneProject[] };
    return body.projects ?? [];
  }

  async #send(service: ApiService, url: string, init: RequestInit, token: string): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('X-Auth-Token', token);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    if (service === 'compute' && !headers.has('OpenStack-API-Version'))
      headers.set('OpenStack-API-Version', `compute ${NOVA_MICROVERSION}`);
    try {
      return await this.#serviceFetch(url, { ...init, headers });
    } catch (e) {
      // The caller's own abort is not a network failure: hand it back as it is.
      if (init.signal?.aborted && !isTimeout(init.signal.reason)) throw e;
      throw errorFromNetwork(service, e, url);
    }
  }

  async #identity(url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.#identityFetch(url, init);
    } catch (e) {
      throw errorFromNetwork('identity', e, url);
    }
  }

  #validToken(): Promise<TokenState> {
    const s = this.#state;
    if (s && !this.#expiresSoon(s)) return Promise.resolve(s);
    return this.#renew();
  }

  #expiresSoon(s: TokenState): boolean {
    // Never renew more often than every half lifetime, whatever renewBeforeMs says.
    const margin = Math.min(this.#renewBeforeMs, Math.max(0, (s.expiresAt - s.issuedAt) / 2));
    return this.#now() >= s.expiresAt - margin;
  }

  /** After a 401 with `used`: renew unless another request already did. */
  #renewAfter401(used: TokenState): Promise<TokenState> {
    const current = this.#state;
    if (current && current !== used && !this.#expiresSoon(current)) return Promise.resolve(current);
    return this.#renew();
  }

  /** One authentication at a time: concurrent callers share the in-flight one. */
  #renew(): Promise<TokenState> {
    this.#inflight ??= this.#authenticate()
      .then((s) => {
        this.#state = s;
        this.#lastToken = s.token;
        return s;
      })
      .finally(() => {
        this.#inflight = null;
      });
    return this.#inflight;
  }

  async #authenticate(): Promise<TokenState> {
    const url = `${this.#identityBase}/auth/tokens`;
    const res = await this.#identity(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(authRequestBody(this.#config)),
    });
    if (res.status === 401) {
      await res.body?.cancel().catch(() => undefined);
      throw new OpenStackError({
        code: 'auth_failed',
        message: `Keystone at ${hostOf(url)} rejected the credentials of cloud '${this.#config.name}' (${AUTH_WORDS[this.#config.authType]})`,
        service: 'identity',
        status: 401,
        requestId: requestIdOf(res.headers),
      });
    }
    if (!res.ok) throw await errorFromResponse('identity', res);
    const value = res.headers.get('X-Subject-Token');
    const body = (await res.json().catch(() => null)) as KeystoneTokenResponse | null;
    if (!value || !body?.token) {
      throw new OpenStackError({
        code: 'upstream_error',
        message: `Keystone at ${hostOf(url)} answered ${res.status} without a token`,
        service: 'identity',
        status: 502,
        requestId: requestIdOf(res.headers),
      });
    }
    const now = this.#now();
    const expiresAt = Date.parse(body.token.expires_at);
    const issuedAt = Date.parse(body.token.issued_at);
    return {
      value,
      token: body.token,
      expiresAt: Number.isFinite(expiresAt) ? expiresAt : now + 3600_000,
      issuedAt: Number.isFinite(issuedAt) ? issuedAt : now,
    };
  }
}

const AUTH_WORDS: Record<CloudConfig['authType'], string> = {
  password: 'password authentication',
  v3applicationcredential: 'application credential',
  token: 'token authentication',
};

/** `http://k:5000`, `http://k:5000/`, `http://k:5000/v3/` -> `http://k:5000/v3`. */
export function identityBase(authUrl: string): string {
  const trimmed = authUrl.replace(/\/+$/, '');
  if (/\/v3$/.test(trimmed)) return trimmed;
  if (/\/v2\.0$/.test(trimmed)) return trimmed.replace(/\/v2\.0$/, '/v3');
  return `${trimmed}/v3`;
}

type DomainRef = { id: string } | { name: string };

/** The `POST /v3/auth/tokens` body for the configured auth type (Keystone v3 API reference). */
export function authRequestBody(config: CloudConfig): { auth: Record<string, unknown> } {
  const a = config.auth;
  // Keystone's built-in domain is 'default'; used when the cloud names no domain at all.
  const userDomain: DomainRef = a.user_domain_id
    ? { id: a.user_domain_id }
    : a.user_domain_name
      ? { name: a.user_domain_name }
      : { id: 'default' };
  const projectDomain: DomainRef = a.project_domain_id
    ? { id: a.project_domain_id }
    : a.project_domain_name
      ? { name: a.project_domain_name }
      : userDomain;
  const user = a.user_id ? { id: a.user_id } : { name: a.username, domain: userDomain };
  const scope = a.project_id
    ? { project: { id: a.project_id } }
    : a.project_name
      ? { project: { name: a.project_name, domain: projectDomain } }
      : undefined;

  switch (config.authType) {
    case 'password':
      return {
        auth: {
          identity: { methods: ['password'], password: { user: { ...user, password: a.password } } },
          ...(scope ? { scope } : {}),
        },
      };
    case 'v3applicationcredential': {
      const cred = a.application_credential_id
        ? { id: a.application_credential_id, secret: a.application_credential_secret }
        : { name: a.application_credential_name, user, secret: a.application_credential_secret };
      // An application credential carries its own project scope; Keystone refuses an explicit one.
      return { auth: { identity: { methods: ['application_credential'], application_credential: cred } } };
    }
    case 'token':
      return {
        auth: { identity: { methods: ['token'], token: { id: a.token } }, ...(scope ? { scope } : {}) },
      };
  }
}

function isReplayable(body: RequestInit['body']): boolean {
  return body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
}

function isTimeout(reason: unknown): boolean {
  return (
    typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError'
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the configured auth_url';
  }
}
