/** Glance v2 routes: images CRUD, data upload/download, JSON-patch, tags, members, (de)activation. */
import { createHash, randomUUID } from 'node:crypto';
import type { Caller, SimContext } from '../context';
import {
  SimHttpError,
  empty,
  glanceErrorResponse,
  INVALID_JSON,
  isRecord,
  json,
  jsonText,
  keystoneErrorBody,
  readJson,
  requestId,
} from '../http';
import { SIM_ORIGIN } from '../origin';
import { activateWithData, addImage, removeImage } from '../state/images';
import type { SimImage } from '../state/model';
import { listImagesText } from './glance-list';
import { PATCH_CONTENT_TYPES, applyPatch, setAttribute } from './glance-patch';
import { canModify, canSee, imageJson, memberJson } from './glance-view';

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

const notFound = (id: string): SimHttpError => new SimHttpError(404, `No image found with ID ${id}`);
const forbidden = (m: string): SimHttpError => new SimHttpError(403, m);

function findVisible(ctx: SimContext, c: Caller, id: string): SimImage {
  const img = ctx.state.images.get(id);
  if (!img || !canSee(c, img)) throw notFound(id);
  return img;
}

function requireModify(c: Caller, img: SimImage, action: string): void {
  if (!canModify(c, img)) throw forbidden(`You are not authorized to complete ${action} action.`);
}

function versions(): Response {
  const vs = [
    '2.15',
    '2.14',
    '2.13',
    '2.12',
    '2.11',
    '2.10',
    '2.9',
    '2.8',
    '2.7',
    '2.6',
    '2.5',
    '2.4',
    '2.3',
    '2.2',
    '2.1',
    '2.0',
  ];
  return json(300, {
    versions: vs.map((v, i) => ({
      id: `v${v}`,
      status: i === 0 ? 'CURRENT' : 'SUPPORTED',
      links: [{ rel: 'self', href: `${SIM_ORIGIN}/image/v2/` }],
    })),
  });
}

async function createImage(ctx: SimContext, c: Caller, req: Request): Promise<Response> {
  if (!c.canWrite) throw forbidden('You are not authorized to complete add_image action.');
  const body = await readJson(req);
  if (body === INVALID_JSON || (body !== undefined && !isRecord(body)))
    throw new SimHttpError(400, 'Malformed JSON in request body.');
  const fields: Record<string, unknown> = isRecord(body) ? body : {};
  const id = typeof fields.id === 'string' ? fields.id : randomUUID();
  if (typeof fields.id === 'string' && !UUID_RE.test(fields.id))
    throw new SimHttpError(
      400,
      `Provided object does not match schema 'image': '${fields.id}' does not match pattern`,
    );
  if (ctx.state.images.has(id) || ctx.state.deletedImageIds.includes(id)) {
    throw new SimHttpError(
      409,
      'There was a conflict when trying to complete your request.',
      `Image with identifier ${id} already exists!`,
    );
  }
  const now = ctx.clock.now();
  const draft: SimImage = {
    id,
    name: null,
    status: 'queued',
    visibility: 'shared',
    protected: false,
    osHidden: false,
    owner: c.projectId,
    checksum: null,
    osHashAlgo: null,
    osHashValue: null,
    size: null,
    virtualSize: null,
    minDisk: 0,
    minRam: 0,
    diskFormat: null,
    containerFormat: null,
    createdAt: now,
    updatedAt: now,
    tags: [],
    props: {},
    members: new Map(),
    data: null,
  };
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'id') continue;
    setAttribute(c, draft, k, v);
  }
  const img = addImage(ctx.state, {
    id,
    name: draft.name,
    owner: draft.owner,
    now,
    visibility: draft.visibility,
    protected: draft.protected,
    osHidden: draft.osHidden,
    minDisk: draft.minDisk,
    minRam: draft.minRam,
    diskFormat: draft.diskFormat,
    containerFormat: draft.containerFormat,
    tags: draft.tags,
    props: draft.props,
  });
  return json(201, imageJson(img), {
    Location: `${SIM_ORIGIN}/image/v2/images/${id}`,
    'OpenStack-image-import-methods': 'glance-direct,web-download,copy-image',
    'OpenStack-image-store-ids': 'fs',
  });
}

async function upload(ctx: SimContext, c: Caller, img: SimImage, req: Request): Promise<Response> {
  requireModify(c, img, 'upload_image');
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/octet-stream') {
    throw new SimHttpError(415, `The request media type ${type || 'None'} is not supported by this server.`);
  }
  if (img.status !== 'queued') {
    throw new SimHttpError(
      409,
      'There was a conflict when trying to complete your request.',
      `Image status transition from ${img.status} to saving is not allowed`,
    );
  }
  if (!img.diskFormat || !img.containerFormat) {
    throw new SimHttpError(400, 'Properties disk_format, container_format must be set prior to saving data.');
  }
  img.status = 'saving';
  const md5 = createHash('md5');
  const sha = createHash('sha512');
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      md5.update(value);
      sha.update(value);
      chunks.push(value);
      size += value.byteLength;
    }
  }
  if (!ctx.state.images.has(img.id)) throw new SimHttpError(410, 'Image was deleted during upload.');
  const bytes = new Uint8Array(size);
  let off = 0;
  for (const ch of chunks) {
    bytes.set(ch, off);
    off += ch.byteLength;
  }
  activateWithData(
    img,
    { kind: 'bytes', bytes },
    { size, checksum: md5.digest('hex'), osHashAlgo: 'sha512', osHashValue: sha.digest('hex') },
    ctx.clock.now(),
  );
  img.virtualSize = img.diskFormat === 'raw' ? size : null;
  return empty(204);
}

function download(c: Caller, img: SimImage): Response {
  if (img.status === 'deactivated' && !c.isAdmin) {
    throw forbidden('The requested image has been deactivated. Image data download is forbidden.');
  }
  if (!img.data) return empty(204);
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(img.size ?? 0),
  };
  if (img.checksum) headers['Content-MD5'] = img.checksum;
  if (img.data.kind === 'bytes') return new Response(img.data.bytes.slice(), { status: 200, headers });
  let remaining = img.data.size;
  const chunk = new Uint8Array(64 * 1024);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (remaining <= 0) {
        controller.close();
        return;
      }
      const n = Math.min(remaining, chunk.byteLength);
      remaining -= n;
      controller.enqueue(chunk.slice(0, n));
    },
  });
  return new Response(stream, { status: 200, headers });
}

async function patch(ctx: SimContext, c: Caller, img: SimImage, req: Request): Promise<Response> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!PATCH_CONTENT_TYPES.includes(type)) {
    throw new SimHttpError(
      415,
      `The request media type ${type || 'None'} is not supported by this server.`,
      '',
      {
        'Accept-Patch': PATCH_CONTENT_TYPES.join(', '),
      },
    );
  }
  requireModify(c, img, 'modify_image');
  const body = await readJson(req);
  if (body === INVALID_JSON) throw new SimHttpError(400, 'Malformed JSON in request body.');
  const next = applyPatch(c, img, body);
  next.updatedAt = ctx.clock.now();
  // Mutate in place: pending transitions (a snapshot still saving) hold this object.
  Object.assign(img, next);
  return json(200, imageJson(img));
}

function deleteImage(ctx: SimContext, c: Caller, img: SimImage): Response {
  requireModify(c, img, 'delete_image');
  if (img.protected) throw forbidden(`Image ${img.id} is protected and cannot be deleted.`);
  removeImage(ctx.state, img.id);
  return empty(204);
}

function action(ctx: SimContext, c: Caller, img: SimImage, name: string): Response {
  if (name !== 'deactivate' && name !== 'reactivate')
    throw new SimHttpError(404, 'The resource could not be found.');
  requireModify(c, img, `${name}`);
  if (name === 'deactivate') {
    if (img.status !== 'active' && img.status !== 'deactivated')
      throw forbidden(`Not allowed to deactivate image in status '${img.status}'`);
    img.status = 'deactivated';
  } else {
    if (img.status !== 'active' && img.status !== 'deactivated')
      throw forbidden(`Not allowed to reactivate image in status '${img.status}'`);
    img.status = 'active';
  }
  img.updatedAt = ctx.clock.now();
  return empty(204);
}

async function members(
  ctx: SimContext,
  c: Caller,
  img: SimImage,
  req: Request,
  memberId: string | undefined,
): Promise<Response> {
  const method = req.method.toUpperCase();
  const now = ctx.clock.now();
  const owner = c.isAdmin || img.owner === c.projectId;
  if (memberId === undefined) {
    if (method === 'GET') {
      if (img.visibility !== 'shared') throw forbidden('Only shared images have members.');
      const list = [...img.members].filter(([id]) => owner || id === c.projectId);
      return json(200, {
        members: list.map(([id, m]) => memberJson(img.id, id, m)),
        schema: '/v2/schemas/members',
      });
    }
    if (method === 'POST') {
      if (!owner || !c.canWrite) throw forbidden('You are not authorized to complete add_member action.');
      if (img.visibility !== 'shared')
        throw forbidden(`Image ${img.id} could not be shared: only shared images have members.`);
      const body = await readJson(req);
      const id = isRecord(body) && typeof body.member === 'string' ? body.member : undefined;
      if (!id) throw new SimHttpError(400, 'Member to be added not specified');
      if (img.members.has(id)) {
        throw new SimHttpError(
          409,
          'There was a conflict when trying to complete your request.',
          `Member ${id} already associated with image ${img.id}`,
        );
      }
      const m = { status: 'pending' as const, createdAt: now, updatedAt: now };
      img.members.set(id, m);
      return json(200, memberJson(img.id, id, m));
    }
    throw new SimHttpError(405, 'The method specified is not allowed for this resource.');
  }
  const m = img.members.get(memberId);
  if (!m || (!owner && memberId !== c.projectId))
    throw new SimHttpError(404, `${memberId} not found in the member list of the image ${img.id}.`);
  if (method === 'GET') return json(200, memberJson(img.id, memberId, m));
  if (method === 'PUT') {
    if (memberId !== c.projectId && !c.isAdmin)
      throw forbidden('You are not authorized to complete modify_member action.');
    const body = await readJson(req);
    const status = isRecord(body) ? body.status : undefined;
    if (status !== 'pending' && status !== 'accepted' && status !== 'rejected')
      throw new SimHttpError(400, `Invalid status: ${String(status)}`);
    m.status = status;
    m.updatedAt = now;
    return json(200, memberJson(img.id, memberId, m));
  }
  if (method === 'DELETE') {
    if (!owner || !c.canWrite) throw forbidden('You are not authorized to complete delete_member action.');
    img.members.delete(memberId);
    return empty(204);
  }
  throw new SimHttpError(405, 'The method specified is not allowed for this resource.');
}

async function route(ctx: SimContext, c: Caller, req: Request, path: string, url: URL): Promise<Response> {
  const method = req.method.toUpperCase();
  if (path === '/v2/images') {
    if (method === 'GET') {
      return jsonText(
        200,
        listImagesText(
          c,
          url,
          ctx.state.images,
          (img) => canSee(c, img),
          ctx.listCache.images.at(ctx.version),
        ),
      );
    }
    if (method === 'POST') return createImage(ctx, c, req);
    throw new SimHttpError(405, 'The method specified is not allowed for this resource.');
  }
  if (path === '/v2/info/import' && method === 'GET') {
    return json(200, {
      'import-methods': {
        description: 'Import methods available.',
        type: 'array',
        value: ['glance-direct', 'web-download', 'copy-image'],
      },
    });
  }
  if (path === '/v2/info/stores' && method === 'GET')
    return json(200, { stores: [{ id: 'fs', default: 'true' }] });
  const m = /^\/v2\/images\/([^/]+)(?:\/(file|tags|actions|members)(?:\/([^/]+))?)?$/.exec(path);
  if (!m) throw new SimHttpError(404, 'The resource could not be found.');
  const id = decodeURIComponent(m[1]!);
  const sub = m[2];
  const arg = m[3] === undefined ? undefined : decodeURIComponent(m[3]);
  const img = findVisible(ctx, c, id);
  if (sub === undefined) {
    if (method === 'GET') return json(200, imageJson(img));
    if (method === 'PATCH') return patch(ctx, c, img, req);
    if (method === 'DELETE') return deleteImage(ctx, c, img);
  } else if (sub === 'file' && arg === undefined) {
    if (method === 'GET') return download(c, img);
    if (method === 'PUT') return upload(ctx, c, img, req);
  } else if (sub === 'tags' && arg !== undefined) {
    requireModify(c, img, 'modify_image');
    if (method === 'PUT') {
      if (!img.tags.includes(arg)) img.tags.push(arg);
      img.updatedAt = ctx.clock.now();
      return empty(204);
    }
    if (method === 'DELETE') {
      if (!img.tags.includes(arg)) throw new SimHttpError(404, 'The resource could not be found.');
      img.tags = img.tags.filter((t) => t !== arg);
      img.updatedAt = ctx.clock.now();
      return empty(204);
    }
  } else if (sub === 'actions' && arg !== undefined && method === 'POST') {
    return action(ctx, c, img, arg);
  } else if (sub === 'members') {
    return members(ctx, c, img, req, arg);
  }
  throw new SimHttpError(405, 'The method specified is not allowed for this resource.');
}

function acceptsJson(req: Request): boolean {
  return (req.headers.get('accept') ?? '').toLowerCase().includes('application/json');
}

export async function handleGlance(
  ctx: SimContext,
  caller: Caller | null,
  req: Request,
  path: string,
  url: URL,
): Promise<Response> {
  const reqId = requestId();
  const p = path.replace(/\/+$/, '') || '/';
  if (p === '/' || p === '/versions') return withId(versions(), reqId);
  if (!caller) {
    return json(401, keystoneErrorBody(401, 'The request you have made requires authentication.'), {
      'WWW-Authenticate': `Keystone uri="${SIM_ORIGIN}/identity"`,
      'X-Openstack-Request-Id': reqId,
    });
  }
  try {
    return withId(await route(ctx, caller, req, p, url), reqId);
  } catch (e) {
    if (e instanceof SimHttpError) return glanceErrorResponse(e, acceptsJson(req), reqId);
    throw e;
  }
}

function withId(res: Response, reqId: string): Response {
  res.headers.set('X-Openstack-Request-Id', reqId);
  return res;
}
