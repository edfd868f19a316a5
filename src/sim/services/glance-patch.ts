/** Glance JSON-patch (`application/openstack-images-v2.1-json-patch`) applied atomically to a copy. */
import type { Caller } from '../context';
import { SimHttpError, isRecord } from '../http';
import type { SimImage } from '../state/model';

export const PATCH_CONTENT_TYPES = [
  'application/openstack-images-v2.0-json-patch',
  'application/openstack-images-v2.1-json-patch',
];

export const READ_ONLY = new Set([
  'id',
  'status',
  'checksum',
  'os_hash_algo',
  'os_hash_value',
  'size',
  'virtual_size',
  'created_at',
  'updated_at',
  'self',
  'file',
  'schema',
  'direct_url',
  'stores',
]);
export const RESERVED = new Set(['deleted', 'deleted_at', 'location', 'owner_id_deprecated']);
export const DISK_FORMATS = [
  'ami',
  'ari',
  'aki',
  'vhd',
  'vhdx',
  'vmdk',
  'raw',
  'qcow2',
  'vdi',
  'iso',
  'ploop',
];
export const CONTAINER_FORMATS = ['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'];
const VISIBILITIES = ['public', 'private', 'shared', 'community'];

const forbidden = (m: string): SimHttpError => new SimHttpError(403, m);
const badRequest = (m: string): SimHttpError => new SimHttpError(400, m);
const schemaError = (m: string): SimHttpError =>
  new SimHttpError(400, `Provided object does not match schema 'image': ${m}`);

function decodePointer(path: string): string {
  if (!path.startsWith('/')) throw badRequest(`Pointer \`${path}\` does not start with "/".`);
  const parts = path.slice(1).split('/');
  if (parts.length !== 1) throw badRequest(`Invalid JSON pointer for this resource: '${path}'`);
  return parts[0]!.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Set a core attribute or property on `img`, validating like Glance's schema. */
export function setAttribute(c: Caller, img: SimImage, attr: string, value: unknown): void {
  if (READ_ONLY.has(attr)) throw forbidden(`Attribute '${attr}' is read-only.`);
  if (RESERVED.has(attr)) throw forbidden(`Attribute '${attr}' is reserved.`);
  switch (attr) {
    case 'name':
      if (value !== null && typeof value !== 'string')
        throw schemaError(`${JSON.stringify(value)} is not of type 'null', 'string'`);
      if (typeof value === 'string' && value.length > 255) throw schemaError(`'${value}' is too long`);
      img.name = value;
      return;
    case 'visibility':
      if (typeof value !== 'string' || !VISIBILITIES.includes(value))
        throw schemaError(`${JSON.stringify(value)} is not one of ${JSON.stringify(VISIBILITIES)}`);
      if (value === 'public' && !c.isAdmin)
        throw forbidden('You are not authorized to complete publicize_image action.');
      img.visibility = value as SimImage['visibility'];
      return;
    case 'protected':
    case 'os_hidden':
      if (typeof value !== 'boolean') throw schemaError(`${JSON.stringify(value)} is not of type 'boolean'`);
      if (attr === 'protected') img.protected = value;
      else img.osHidden = value;
      return;
    case 'min_disk':
    case 'min_ram':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
        throw schemaError(`${JSON.stringify(value)} is not of type 'integer'`);
      if (attr === 'min_disk') img.minDisk = value;
      else img.minRam = value;
      return;
    case 'disk_format':
    case 'container_format': {
      const allowed = attr === 'disk_format' ? DISK_FORMATS : CONTAINER_FORMATS;
      if (value !== null && (typeof value !== 'string' || !allowed.includes(value))) {
        throw schemaError(`${JSON.stringify(value)} is not one of ${JSON.stringify([...allowed, null])}`);
      }
      if (img.status !== 'queued')
        throw forbidden(`Attribute ${attr} can be only replaced for a queued image.`);
      if (attr === 'disk_format') img.diskFormat = value;
      else img.containerFormat = value;
      return;
    }
    case 'owner':
      if (!c.isAdmin) throw forbidden("You are not permitted to modify 'owner' on this image.");
      if (value !== null && typeof value !== 'string')
        throw schemaError(`${JSON.stringify(value)} is not of type 'null', 'string'`);
      img.owner = value;
      return;
    case 'tags':
      if (!Array.isArray(value) || value.some((t) => typeof t !== 'string'))
        throw schemaError(`${JSON.stringify(value)} is not of type 'array'`);
      img.tags = [...new Set(value as string[])];
      return;
    default:
      if (typeof value !== 'string') throw schemaError(`${JSON.stringify(value)} is not of type 'string'`);
      if (attr.length > 255) throw badRequest(`Property name is too long: ${attr}`);
      img.props[attr] = value;
  }
}

const CORE = new Set([
  'name',
  'visibility',
  'protected',
  'os_hidden',
  'min_disk',
  'min_ram',
  'disk_format',
  'container_format',
  'owner',
  'tags',
]);

function cloneImage(img: SimImage): SimImage {
  return { ...img, tags: [...img.tags], props: { ...img.props }, members: img.members };
}

/** Validate and apply all operations; returns the patched copy (the caller commits it). */
export function applyPatch(c: Caller, img: SimImage, body: unknown): SimImage {
  if (!Array.isArray(body)) throw badRequest('Request body must be a JSON array of operation objects.');
  const next = cloneImage(img);
  for (const raw of body) {
    if (!isRecord(raw)) throw badRequest('Operations must be JSON objects.');
    const op = raw.op;
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw badRequest(
        'Operation objects must contain exactly one member named "add", "remove", or "replace".',
      );
    }
    if (typeof raw.path !== 'string') throw badRequest("Unable to find 'path' element in operation.");
    const attr = decodePointer(raw.path);
    if (op === 'remove') {
      if (READ_ONLY.has(attr)) throw forbidden(`Attribute '${attr}' is read-only.`);
      if (RESERVED.has(attr)) throw forbidden(`Attribute '${attr}' is reserved.`);
      if (CORE.has(attr)) throw forbidden(`Attribute '${attr}' is read-only.`);
      if (!(attr in next.props)) {
        throw new SimHttpError(
          409,
          'There was a conflict when trying to complete your request.',
          `Property ${attr} does not exist.`,
        );
      }
      delete next.props[attr];
      continue;
    }
    if (!('value' in raw)) throw badRequest(`Operation "${op}" requires a member named "value".`);
    if (
      op === 'replace' &&
      !CORE.has(attr) &&
      !READ_ONLY.has(attr) &&
      !RESERVED.has(attr) &&
      !(attr in next.props)
    ) {
      throw new SimHttpError(
        409,
        'There was a conflict when trying to complete your request.',
        `Property ${attr} does not exist.`,
      );
    }
    setAttribute(c, next, attr, raw.value);
  }
  return next;
}
