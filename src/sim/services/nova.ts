/** Nova v2.1 routes: microversions, servers (list/show/create/delete), actions, flavors. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Caller, SimContext } from '../context';
import {
  SimHttpError,
  empty,
  isRecord,
  json,
  jsonText,
  keystoneErrorBody,
  novaErrorBody,
  readJson,
  requestId,
  urlencode,
  INVALID_JSON,
} from '../http';
import { SIM_COMPUTE_URL, SIM_IMAGE_URL, SIM_ORIGIN } from '../origin';
import { FLAVORS, type SimServer } from '../state/model';
import {
  bootServer,
  deleteServer,
  flavorById,
  offloadServer,
  shelveServer,
  snapshotServer,
  unshelveServer,
  type Actor,
} from '../state/servers';
import { canSee } from './glance-view';
import { atLeast, flavorJson, serverJson, serverSummaryJson, type Microversion } from './nova-view';

export const MIN_MICROVERSION = '2.1';
export const MAX_MICROVERSION = '2.93';
const MAX_MINOR = 93;
const MAX_LIMIT = 1000;

class NovaError extends SimHttpError {}

const notFound = (id: string): NovaError => new NovaError(404, `Instance ${id} could not be found.`);
const policy = (rule: string): NovaError =>
  new NovaError(403, `Policy doesn't allow ${rule} to be performed.`);
const badRequest = (m: string): NovaError => new NovaError(400, m);
const invalidState = (action: string, id: string, attr: string, state: string): NovaError =>
  new NovaError(409, `Cannot '${action}' instance ${id} while it is in ${attr} ${state}`);

/** Parse the requested microversion; null = not acceptable (406). */
export function parseMicroversion(req: Request): { mv: Microversion } | { error: string; text: string } {
  let text = '2.1';
  const header = req.headers.get('openstack-api-version');
  const legacy = req.headers.get('x-openstack-nova-api-version');
  if (header) {
    const parts = header.split(',').map((p) => p.trim().split(/\s+/));
    const compute = parts.find((p) => p[0]?.toLowerCase() === 'compute');
    if (compute?.[1]) text = compute[1];
  } else if (legacy) text = legacy.trim();
  if (text.toLowerCase() === 'latest') text = MAX_MICROVERSION;
  const m = /^(\d+)\.(\d+)$/.exec(text);
  if (!m)
    return { error: `Invalid format of API version: ${text}. Expected format of 'MajorNum.MinorNum'.`, text };
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major !== 2 || minor < 1 || minor > MAX_MINOR) {
    return {
      error: `Version ${text} is not supported by the API. Minimum is ${MIN_MICROVERSION} and maximum is ${MAX_MICROVERSION}.`,
      text,
    };
  }
  return { mv: { major, minor, text } };
}

function actorOf(c: Caller): Actor {
  return { userId: c.userId, projectId: c.projectId, roles: c.roles };
}

function truthy(v: string | null): boolean {
  if (v === null) return false;
  return !['0', 'false', 'f', 'off', 'n', 'no'].includes(v.toLowerCase());
}

function findServer(ctx: SimContext, c: Caller, id: string): SimServer {
  const s = ctx.state.servers.get(id);
  if (!s || s.status === 'DELETED' || (!c.isAdmin && s.projectId !== c.projectId)) throw notFound(id);
  return s;
}

function listServers(ctx: SimContext, c: Caller, url: URL, mv: Microversion, detail: boolean): Response {
  const q = url.searchParams;
  const askedAllTenants =
    q.has('all_tenants') && (q.get('all_tenants') === '' || truthy(q.get('all_tenants')));
  // Real Nova refuses all_tenants to a non-admin (403), it does not ignore it (contract: suite-servers).
  if (askedAllTenants && !c.isAdmin)
    throw policy(`os_compute_api:servers:${detail ? 'detail' : 'index'}:get_all_tenants`);
  const allTenants = c.isAdmin && askedAllTenants;
  const wantDeleted = c.isAdmin && truthy(q.get('deleted'));
  const changesSince = q.get('changes-since') ?? q.get('changes_since');
  let since: number | null = null;
  if (changesSince !== null) {
    since = Date.parse(changesSince);
    if (Number.isNaN(since)) throw badRequest(`Invalid filter field: changes-since. Value: ${changesSince}`);
  }
  let limit = MAX_LIMIT;
  const rawLimit = q.get('limit');
  if (rawLimit !== null) {
    if (!/^\d+$/.test(rawLimit))
      throw badRequest(
        `Invalid input for query parameters limit. Value: ${rawLimit}. '${rawLimit}' does not match '^[0-9]*$'`,
      );
    limit = Math.min(parseInt(rawLimit, 10), MAX_LIMIT);
  }
  const nameRe = q.get('name') === null ? null : safeRegExp(q.get('name')!);
  const status = q.get('status')?.toUpperCase() ?? null;
  const image = q.get('image');
  const flavor = q.get('flavor');
  const project = allTenants ? (q.get('project_id') ?? q.get('tenant_id')) : null;
  const cache = ctx.listCache.servers.at(ctx.version);
  const newestFirst = cache.order('created:desc', () =>
    [...ctx.state.servers.values()].sort(
      (a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    ),
  );
  const items = newestFirst.filter((s) => {
    if (!allTenants && s.projectId !== c.projectId) return false;
    if (project !== null && s.projectId !== project) return false;
    if (since !== null) {
      if (s.updatedAt < since) return false;
    } else if (wantDeleted ? s.status !== 'DELETED' : s.status === 'DELETED') return false;
    if (nameRe && !nameRe.test(s.name)) return false;
    if (status !== null && s.status !== status) return false;
    if (image !== null && s.imageId !== image) return false;
    if (flavor !== null && s.flavorId !== flavor) return false;
    return true;
  });
  let start = 0;
  const marker = q.get('marker');
  if (marker !== null) {
    const idx = items.findIndex((s) => s.id === marker);
    if (idx < 0) throw badRequest(`marker [${marker}] not found`);
    start = idx + 1;
  }
  const page = items.slice(start, start + limit);
  const variant = detail ? `${mv.major}.${mv.minor}${c.isAdmin ? ' admin' : ''}` : 'summary';
  const view = detail ? (s: SimServer) => serverJson(s, mv, c.isAdmin) : serverSummaryJson;
  let text = `{"servers":[${page.map((s) => cache.text(variant, s, view)).join(',')}]`;
  const last = page[page.length - 1];
  if (last && limit > 0 && page.length === limit) {
    const params: [string, string][] = [...q].filter(([k]) => k !== 'marker');
    params.push(['marker', last.id]);
    const href = `${SIM_COMPUTE_URL}/servers${detail ? '/detail' : ''}?${urlencode(params)}`;
    text += `,"servers_links":${JSON.stringify([{ href, rel: 'next' }])}`;
  }
  return jsonText(200, `${text}}`);
}

function safeRegExp(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    return new RegExp(source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
}

function refId(ref: unknown): string | null {
  if (typeof ref !== 'string' || ref === '') return null;
  const parts = ref.split('/');
  return parts[parts.length - 1] ?? null;
}

async function createServer(ctx: SimContext, c: Caller, req: Request, mv: Microversion): Promise<Response> {
  if (!c.canWrite) throw policy('os_compute_api:servers:create');
  const body = await readJson(req);
  if (body === INVALID_JSON) throw badRequest('Malformed request body');
  if (!isRecord(body) || !isRecord(body.server)) {
    throw badRequest(
      "Invalid input for field/attribute server. Value: None. 'server' is a required property",
    );
  }
  const srv = body.server;
  if (typeof srv.name !== 'string' || srv.name.trim() === '') {
    throw badRequest("Invalid input for field/attribute server. 'name' is a required property");
  }
  const flavorRef = refId(srv.flavorRef);
  if (flavorRef === null)
    throw badRequest("Invalid input for field/attribute server. 'flavorRef' is a required property");
  const flavor = flavorById(flavorRef);
  if (!flavor) throw badRequest(`Flavor ${flavorRef} could not be found.`);
  const networks = srv.networks;
  if (atLeast(mv, 37)) {
    if (networks === undefined)
      throw badRequest("Invalid input for field/attribute server. 'networks' is a required property");
    if (typeof networks === 'string' && networks !== 'auto' && networks !== 'none') {
      throw badRequest(
        `Invalid input for field/attribute networks. Value: ${networks}. '${networks}' is not one of ['auto', 'none']`,
      );
    }
  } else if (typeof networks === 'string') {
    throw badRequest(
      `Invalid input for field/attribute networks. Value: ${networks}. '${networks}' is not of type 'array'`,
    );
  }
  const bdm = Array.isArray(srv.block_device_mapping_v2) ? srv.block_device_mapping_v2.filter(isRecord) : [];
  const rootBdm = bdm.find((b) => String(b.boot_index) === '0');
  const bootFromVolume = rootBdm !== undefined && rootBdm.destination_type === 'volume';
  const imageRef = refId(srv.imageRef) ?? (rootBdm?.source_type === 'image' ? refId(rootBdm.uuid) : null);
  let image = null;
  if (imageRef !== null) {
    const img = ctx.state.images.get(imageRef);
    if (!img || !canSee(c, img)) throw badRequest(`Image ${imageRef} could not be found.`);
    if (img.status !== 'active') throw badRequest(`Image ${imageRef} is not active.`);
    image = img;
  } else if (!bootFromVolume) {
    throw badRequest('Missing imageRef attribute');
  }
  const metadata: Record<string, string> = {};
  if (isRecord(srv.metadata))
    for (const [k, v] of Object.entries(srv.metadata)) if (typeof v === 'string') metadata[k] = v;
  const id = randomUUID();
  const server = bootServer(ctx.state, {
    id,
    name: srv.name,
    actor: actorOf(c),
    image: bootFromVolume ? null : image,
    volumeSourceImage: bootFromVolume ? image : null,
    flavor,
    now: ctx.clock.now(),
    metadata,
    volumes: bootFromVolume
      ? [{ id: randomUUID(), delete_on_termination: rootBdm?.delete_on_termination === true }]
      : [],
  });
  return json(
    202,
    {
      server: {
        id: server.id,
        links: serverSummaryJson(server).links,
        'OS-DCF:diskConfig': 'MANUAL',
        security_groups: [{ name: 'default' }],
        adminPass: randomBytes(9).toString('base64url'),
      },
    },
    { Location: `${SIM_COMPUTE_URL}/servers/${server.id}` },
  );
}

const SNAPSHOT_VM_STATES = ['active', 'stopped', 'paused', 'suspended'];

function checkState(s: SimServer, action: string, vmStates: string[]): void {
  if (!vmStates.includes(s.vmState)) throw invalidState(action, s.id, 'vm_state', s.vmState);
  if (s.taskState !== null) throw invalidState(action, s.id, 'task_state', s.taskState);
}

async function serverAction(
  ctx: SimContext,
  c: Caller,
  s: SimServer,
  req: Request,
  mv: Microversion,
): Promise<Response> {
  const body = await readJson(req);
  if (!isRecord(body) || Object.keys(body).length !== 1) throw badRequest('Malformed request body');
  const [name, arg] = Object.entries(body)[0]!;
  const now = ctx.clock.now();
  switch (name) {
    case 'createImage': {
      if (!c.canWrite) throw policy('os_compute_api:servers:create_image');
      if (!isRecord(arg) || typeof arg.name !== 'string' || arg.name.trim() === '') {
        throw badRequest("Invalid input for field/attribute createImage. 'name' is a required property");
      }
      checkState(s, 'createImage', SNAPSHOT_VM_STATES);
      const metadata: Record<string, string> = {};
      if (isRecord(arg.metadata))
        for (const [k, v] of Object.entries(arg.metadata)) if (typeof v === 'string') metadata[k] = v;
      const img = snapshotServer(ctx.state, {
        server: s,
        actor: actorOf(c),
        imageId: randomUUID(),
        name: arg.name,
        now,
        metadata,
      });
      if (atLeast(mv, 45)) return json(202, { image_id: img.id });
      return empty(202, { Location: `${SIM_IMAGE_URL}/images/${img.id}` });
    }
    case 'shelve': {
      if (!c.canWrite) throw policy('os_compute_api:os-shelve:shelve');
      checkState(s, 'shelve', ['active', 'stopped', 'paused', 'suspended']);
      shelveServer(ctx.state, s, actorOf(c), randomUUID(), now);
      return empty(202);
    }
    case 'shelveOffload': {
      if (!c.isAdmin) throw policy('os_compute_api:os-shelve:shelve_offload');
      checkState(s, 'shelveOffload', ['shelved']);
      offloadServer(s, now);
      return empty(202);
    }
    case 'unshelve': {
      if (!c.canWrite) throw policy('os_compute_api:os-shelve:unshelve');
      checkState(s, 'unshelve', ['shelved', 'shelved_offloaded']);
      unshelveServer(ctx.state, s, now);
      return empty(202);
    }
    case 'os-stop': {
      if (!c.canWrite) throw policy('os_compute_api:servers:stop');
      checkState(s, 'stop', ['active']);
      Object.assign(s, { status: 'SHUTOFF', vmState: 'stopped', powerState: 4, updatedAt: now });
      return empty(202);
    }
    case 'os-start': {
      if (!c.canWrite) throw policy('os_compute_api:servers:start');
      checkState(s, 'start', ['stopped']);
      Object.assign(s, { status: 'ACTIVE', vmState: 'active', powerState: 1, updatedAt: now });
      return empty(202);
    }
    default:
      throw badRequest(`There is no such action: ${name}`);
  }
}

async function route(
  ctx: SimContext,
  c: Caller,
  req: Request,
  path: string,
  url: URL,
  mv: Microversion,
): Promise<Response> {
  const method = req.method.toUpperCase();
  if (path === '/servers' || path === '/servers/detail') {
    if (method === 'GET') return listServers(ctx, c, url, mv, path === '/servers/detail');
    if (method === 'POST' && path === '/servers') return createServer(ctx, c, req, mv);
    throw new NovaError(405, 'The method specified is not allowed for this resource.');
  }
  if (path === '/flavors' || path === '/flavors/detail') {
    return json(200, { flavors: FLAVORS.map((f) => flavorJson(f, mv, path === '/flavors/detail')) });
  }
  const flavor = /^\/flavors\/([^/]+)$/.exec(path);
  if (flavor && method === 'GET') {
    const f = flavorById(decodeURIComponent(flavor[1]!));
    if (!f) throw new NovaError(404, `Flavor ${flavor[1]} could not be found.`);
    return json(200, { flavor: flavorJson(f, mv, true) });
  }
  const one = /^\/servers\/([^/]+)(\/action)?$/.exec(path);
  if (one) {
    const s = findServer(ctx, c, decodeURIComponent(one[1]!));
    if (one[2]) {
      if (method !== 'POST')
        throw new NovaError(405, 'The method specified is not allowed for this resource.');
      return serverAction(ctx, c, s, req, mv);
    }
    if (method === 'GET') return json(200, { server: serverJson(s, mv, c.isAdmin) });
    if (method === 'DELETE') {
      if (!c.canWrite) throw policy('os_compute_api:servers:delete');
      deleteServer(ctx.state, s, ctx.clock.now());
      return empty(204);
    }
    throw new NovaError(405, 'The method specified is not allowed for this resource.');
  }
  throw new NovaError(404, 'The resource could not be found.');
}

function versionDoc(): Record<string, unknown> {
  return {
    id: 'v2.1',
    status: 'CURRENT',
    version: MAX_MICROVERSION,
    min_version: MIN_MICROVERSION,
    updated: '2013-07-23T11:33:21Z',
    links: [{ href: `${SIM_COMPUTE_URL}/`, rel: 'self' }],
  };
}

export async function handleNova(
  ctx: SimContext,
  caller: Caller | null,
  req: Request,
  path: string,
  url: URL,
): Promise<Response> {
  const reqId = requestId();
  const ids = { 'X-Openstack-Request-Id': reqId, 'X-Compute-Request-Id': reqId };
  if (path === '' || path === '/') {
    return json(
      200,
      {
        versions: [
          { id: 'v2.0', status: 'SUPPORTED', version: '', min_version: '', links: [] },
          versionDoc(),
        ],
      },
      ids,
    );
  }
  if (!path.startsWith('/v2.1'))
    return json(404, novaErrorBody(404, 'The resource could not be found.'), ids);
  const sub = path.slice('/v2.1'.length).replace(/\/+$/, '');
  if (sub === '') return json(200, { version: versionDoc() }, ids);
  if (!caller) {
    return json(401, keystoneErrorBody(401, 'The request you have made requires authentication.'), {
      ...ids,
      'WWW-Authenticate': `Keystone uri="${SIM_ORIGIN}/identity"`,
    });
  }
  const parsed = parseMicroversion(req);
  const text = 'mv' in parsed ? parsed.mv.text : parsed.text;
  const headers = {
    ...ids,
    'OpenStack-API-Version': `compute ${text}`,
    'X-OpenStack-Nova-API-Version': text,
    Vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
  };
  let res: Response;
  if (!('mv' in parsed)) {
    const status = parsed.error.startsWith('Invalid format') ? 400 : 406;
    res = json(status, novaErrorBody(status, parsed.error, status === 406 ? 'computeFault' : undefined));
  } else {
    try {
      res = await route(ctx, caller, req, sub, url, parsed.mv);
    } catch (e) {
      if (!(e instanceof SimHttpError)) throw e;
      res = json(e.status, novaErrorBody(e.status, e.message));
    }
  }
  if (res.headers.get('content-type') === 'application/json')
    res.headers.set('Content-Type', 'application/json; charset=UTF-8');
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}
