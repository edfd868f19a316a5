/** createSimulator: a fetch handler with Keystone v3 / Glance v2 / Nova v2.1 semantics over one in-memory cloud. */
import type { GlanceImage } from '../openstack/types/glance';
import type { KeystoneCatalogEntry } from '../openstack/types/keystone';
import type { NovaServer } from '../openstack/types/nova';
import { realClock, type Clock } from './clock';
import { resolveCaller, type SimContext } from './context';
import { FaultInjector, connectionReset, connectionTimeout, type Faults, type ServiceKind } from './faults';
import { glanceErrorResponse, json, keystoneErrorBody, novaErrorBody, requestId, SimHttpError } from './http';
import { SIM_ORIGIN } from './origin';
import { buildScenario, type GeneratedOptions, type ScenarioName } from './scenarios';
import { settle, type SimState } from './state/model';
import { handleGlance } from './services/glance';
import { ListCache } from './services/list-cache';
import { imageJson } from './services/glance-view';
import { handleKeystone, simCatalog } from './services/keystone';
import { handleNova } from './services/nova';
import { serverJson } from './services/nova-view';

export interface SimulatorOptions {
  scenario?: ScenarioName;
  generated?: GeneratedOptions;
  clock?: Clock;
}

export interface RequestRecord {
  service: ServiceKind | 'unknown';
  method: string;
  /** Path without the service prefix, e.g. `/v2/images/<id>`; query excluded. */
  path: string;
  search: string;
  status: number | 'reset' | 'timeout';
}

export interface StateSnapshot {
  images: GlanceImage[];
  servers: NovaServer[];
}

export interface Simulator {
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  reset(opts?: SimulatorOptions): void;
  setFaults(f: Partial<Faults>): void;
  clearFaults(): void;
  /** Every token issued so far stops working (Glance/Nova answer 401). */
  expireTokens(): void;
  readonly clock: Clock;
  readonly scenario: ScenarioName;
  readonly catalog: KeystoneCatalogEntry[];
  /** Every image and server (deleted servers included) as an admin would read them, after due transitions. */
  snapshotState(): StateSnapshot;
  counts(): { images: number; servers: number; deletedServers: number };
  /** Image ids deleted since the scenario was built, in order (by requests, or by Nova on unshelve / server delete). */
  deletedImageIds(): string[];
  requestLog(): readonly RequestRecord[];
  /** Requests whose method matches (any when omitted) and whose path matches the pattern (string = exact path). */
  requestCount(method?: string, path?: string | RegExp): number;
  clearRequestLog(): void;
}

const MAX_LOG = 20_000;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function toRequest(input: string | URL | Request, init?: RequestInit): Request {
  if (input instanceof Request && init === undefined) return input;
  const body = init?.body;
  const needsDuplex = body !== undefined && body !== null && typeof body === 'object' && 'getReader' in body;
  return new Request(input, needsDuplex ? ({ ...init, duplex: 'half' } as RequestInit) : init);
}

function serviceOf(pathname: string): { service: ServiceKind; rest: string } | null {
  const m = /^\/(identity|image|compute)(\/.*)?$/.exec(pathname);
  if (!m) return null;
  return { service: m[1] as ServiceKind, rest: m[2] ?? '' };
}

function faultResponse(service: ServiceKind, req: Request): Response {
  const msg = 'The server is currently unavailable. Please try again at a later time.';
  const id = requestId();
  if (service === 'image') {
    const accept = (req.headers.get('accept') ?? '').includes('application/json');
    return glanceErrorResponse(new SimHttpError(503, msg), accept, id);
  }
  if (service === 'compute') {
    return json(503, novaErrorBody(503, msg), { 'X-Openstack-Request-Id': id, 'X-Compute-Request-Id': id });
  }
  return json(503, keystoneErrorBody(503, msg), { 'X-Openstack-Request-Id': id });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createSimulator(opts: SimulatorOptions = {}): Simulator {
  let options: SimulatorOptions = { ...opts };
  const clock = opts.clock ?? realClock();
  const faults = new FaultInjector();
  let log: RequestRecord[] = [];
  let scenario: ScenarioName = options.scenario ?? 'demo';
  let deletedAtBuild = 0;

  const build = (): SimState => {
    const state = buildScenario(scenario, options.generated);
    deletedAtBuild = state.deletedImageIds.length;
    return state;
  };
  const ctx: SimContext = {
    state: build(),
    clock,
    tokens: new Map(),
    version: 0,
    listCache: { images: new ListCache(), servers: new ListCache() },
  };

  const advance = (): void => {
    if (settle(ctx.state, clock.now()) > 0) ctx.version++;
  };

  const record = (r: RequestRecord): void => {
    log.push(r);
    if (log.length > MAX_LOG) log = log.slice(-MAX_LOG / 2);
  };

  const handle = async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    const method = req.method.toUpperCase();
    const target = url.origin === SIM_ORIGIN ? serviceOf(url.pathname) : null;
    if (url.origin !== SIM_ORIGIN) {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${url.hostname}`), { code: 'ENOTFOUND' }),
      });
    }
    if (!target) {
      record({ service: 'unknown', method, path: url.pathname, search: url.search, status: 404 });
      return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    }
    const entry: RequestRecord = {
      service: target.service,
      method,
      path: target.rest,
      search: url.search,
      status: 0,
    };
    const f = faults.current;
    if (f.latencyMs > 0 && faults.applies(target.service, method, target.rest)) await sleep(f.latencyMs);
    const decision = faults.decide(target.service, method, target.rest);
    if (decision === 'reset') {
      record({ ...entry, status: 'reset' });
      throw connectionReset();
    }
    if (decision === 'timeout') {
      record({ ...entry, status: 'timeout' });
      await new Promise<void>((_, reject) => {
        const timer = setTimeout(() => reject(connectionTimeout()), f.timeoutMs ?? 30_000);
        req.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(
            req.signal.reason instanceof Error
              ? req.signal.reason
              : new DOMException('The operation was aborted.', 'AbortError'),
          );
        });
      });
    }
    if (decision === 'error') {
      const res = faultResponse(target.service, req);
      record({ ...entry, status: res.status });
      return res;
    }
    advance();
    const mutating = MUTATING.has(method);
    if (mutating) ctx.version++;
    let res: Response;
    if (target.service === 'identity') res = await handleKeystone(ctx, req, target.rest, url);
    else {
      const caller = resolveCaller(ctx, req);
      res =
        target.service === 'image'
          ? await handleGlance(ctx, caller, req, target.rest, url)
          : await handleNova(ctx, caller, req, target.rest, url);
    }
    if (mutating) ctx.version++;
    record({ ...entry, status: res.status });
    return method === 'HEAD' ? new Response(null, { status: res.status, headers: res.headers }) : res;
  };

  const sim: Simulator = {
    fetch: (input, init) => {
      try {
        return handle(toRequest(input, init));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
    reset(next) {
      if (next) options = { ...next };
      scenario = options.scenario ?? 'demo';
      ctx.state = build();
      ctx.tokens.clear();
      ctx.version++;
      faults.clear();
      log = [];
    },
    setFaults: (f) => faults.set(f),
    clearFaults: () => faults.clear(),
    expireTokens() {
      const now = clock.now();
      for (const t of ctx.tokens.values()) t.expiresAt = Math.min(t.expiresAt, now - 1);
    },
    get clock() {
      return clock;
    },
    get scenario() {
      return scenario;
    },
    catalog: simCatalog(),
    snapshotState() {
      advance();
      const mv = { major: 2, minor: 92, text: '2.92' };
      return {
        images: [...ctx.state.images.values()].map(imageJson),
        servers: [...ctx.state.servers.values()].map((s) => serverJson(s, mv, true)),
      };
    },
    counts() {
      advance();
      let deleted = 0;
      for (const s of ctx.state.servers.values()) if (s.status === 'DELETED') deleted++;
      return {
        images: ctx.state.images.size,
        servers: ctx.state.servers.size - deleted,
        deletedServers: deleted,
      };
    },
    deletedImageIds: () => ctx.state.deletedImageIds.slice(deletedAtBuild),
    requestLog: () => log,
    requestCount(method, path) {
      return log.filter(
        (r) =>
          (method === undefined || r.method === method.toUpperCase()) &&
          (path === undefined || (typeof path === 'string' ? r.path === path : path.test(r.path))),
      ).length;
    },
    clearRequestLog() {
      log = [];
    },
  };
  return sim;
}
