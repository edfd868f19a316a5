/**
 * Conversion plans (pure): what to send to Glance to turn a snapshot into a golden image in place, or to
 * create a deployable copy. The proxy executes them; nothing here talks to Glance.
 *
 * Removed as instance-specific (they describe the instance and the user who made the snapshot, and make
 * Horizon/Skyline list the image as an instance snapshot): instance_uuid, image_location, image_state,
 * user_id, owner_user_name, owner_project_name, boot_roles, owner_id, base_image_ref. Their lineage value
 * is kept under the app's provenance keys.
 * Kept on purpose: block_device_mapping, bdm_v2, root_device_name. On a volume-backed snapshot they ARE the
 * image (the data lives in volume snapshots); removing them would leave an unbootable empty image.
 */
import type { GlanceImage, GlanceJsonPatchOp } from '../openstack/types';
import { GLANCE_CORE_FIELDS } from '../openstack/types';
import { PROVENANCE_KEYS, stringProperty } from './classify';
import { PROVENANCE_PREFIX } from './types';

export const INSTANCE_SPECIFIC_PROPERTIES: readonly string[] = [
  'instance_uuid',
  'image_location',
  'image_state',
  'user_id',
  'owner_user_name',
  'owner_project_name',
  'boot_roles',
  'owner_id',
  'base_image_ref',
];

/** Checksums of the file openstacksdk uploaded for the base image: wrong for any other data. */
const UPLOAD_CHECKSUM_PREFIX = 'owner_specified.openstack.';
/** Glance reserves these; setting them is refused (403). */
const GLANCE_RESERVED_PREFIX = 'os_glance_';
/** Written by Glance, not settable on create. */
const GLANCE_WRITTEN = new Set([
  'os_hash_algo',
  'os_hash_value',
  'os_hidden',
  'stores',
  'locations',
  'direct_url',
]);

export interface ConvertOptions {
  /** ISO timestamp recorded as glance_lineage_converted_at. */
  now: string;
  /** Who converted (user name or id), recorded as glance_lineage_converted_by. */
  by?: string;
}

/** JSON pointer for a top-level property (RFC 6901 escaping). */
export function propertyPath(key: string): string {
  return `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function has(image: GlanceImage, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(image, key) && image[key] !== undefined;
}

/** Provenance already on the image, unless it was only inherited (a snapshot: it has instance_uuid). */
function ownProvenance(image: GlanceImage, key: string): string | undefined {
  return stringProperty(image, 'instance_uuid') === undefined ? stringProperty(image, key) : undefined;
}

function provenance(image: GlanceImage, opts: ConvertOptions, source: string): Record<string, string> {
  const out: Record<string, string> = { [PROVENANCE_KEYS.sourceImage]: source };
  const server = stringProperty(image, 'instance_uuid') ?? ownProvenance(image, PROVENANCE_KEYS.sourceServer);
  if (server !== undefined) out[PROVENANCE_KEYS.sourceServer] = server;
  const base = stringProperty(image, 'base_image_ref') ?? ownProvenance(image, PROVENANCE_KEYS.baseImageRef);
  if (base !== undefined) out[PROVENANCE_KEYS.baseImageRef] = base;
  out[PROVENANCE_KEYS.convertedAt] = opts.now;
  if (opts.by !== undefined && opts.by !== '') out[PROVENANCE_KEYS.convertedBy] = opts.by;
  return out;
}

export interface GoldenPlan {
  patch: GlanceJsonPatchOp[];
  /** Properties the patch removes (only ones the image has: Glance answers 409 to removing a missing one). */
  removed: string[];
  /** Properties the patch sets: image_type and the provenance keys. */
  added: Record<string, string>;
}

/**
 * In-place conversion to a golden image. The provenance records the image's own id as source (converted in
 * place; a deployable copy keeps the source it was copied from), the server it was taken from and its root,
 * so buildLineage keeps it in its family after instance_uuid and base_image_ref are gone.
 */
export function planGolden(image: GlanceImage, opts: ConvertOptions): GoldenPlan {
  const patch: GlanceJsonPatchOp[] = [];
  const removed: string[] = [];
  // A copy made golden keeps the image it was copied from as its source; otherwise the source is itself.
  const source = ownProvenance(image, PROVENANCE_KEYS.sourceImage) ?? image.id;
  const added: Record<string, string> = { image_type: 'golden', ...provenance(image, opts, source) };

  for (const key of INSTANCE_SPECIFIC_PROPERTIES) {
    if (!has(image, key)) continue;
    patch.push({ op: 'remove', path: propertyPath(key) });
    removed.push(key);
  }
  // Stale provenance of an earlier conversion that this one does not set again.
  for (const key of Object.values(PROVENANCE_KEYS)) {
    if (has(image, key) && !(key in added)) {
      patch.push({ op: 'remove', path: propertyPath(key) });
      removed.push(key);
    }
  }
  patch.push({
    op: has(image, 'image_type') ? 'replace' : 'add',
    path: propertyPath('image_type'),
    value: 'golden',
  });
  for (const [key, value] of Object.entries(added)) {
    if (key === 'image_type') continue;
    patch.push({ op: 'add', path: propertyPath(key), value });
  }
  return { patch, removed, added };
}

export interface DeployableCopyPlan {
  /** Body of `POST /v2/images` for the new image (its data is copied afterwards). */
  create: Record<string, unknown>;
  /** Properties copied from the source. */
  carried: string[];
  /** Properties of the source not copied. */
  dropped: string[];
}

export interface CopyOptions extends ConvertOptions {
  /** Name of the copy; default `<source name>-deployable`. */
  name?: string;
}

/**
 * A new private image of kind `image` with the source's boot-relevant properties (os_*, hw_*, ...) and
 * provenance. Dropped: instance-specific keys, image_type (set to `image`), the upload checksums
 * `owner_specified.openstack.*` (they describe another file), Glance-reserved `os_glance_*`, earlier
 * provenance (replaced), and non-string values (Glance properties are strings).
 */
export function planDeployableCopy(image: GlanceImage, opts: CopyOptions): DeployableCopyPlan {
  const carried: string[] = [];
  const dropped: string[] = [];
  const properties: Record<string, string> = {};
  const instanceSpecific = new Set(INSTANCE_SPECIFIC_PROPERTIES);
  for (const key of Object.keys(image).sort()) {
    if (GLANCE_CORE_FIELDS.has(key) || GLANCE_WRITTEN.has(key)) continue;
    const value = image[key];
    if (value === undefined) continue;
    const drop =
      key === 'image_type' ||
      instanceSpecific.has(key) ||
      key.startsWith(UPLOAD_CHECKSUM_PREFIX) ||
      key.startsWith(GLANCE_RESERVED_PREFIX) ||
      key.startsWith(PROVENANCE_PREFIX) ||
      typeof value !== 'string';
    if (drop) {
      dropped.push(key);
      continue;
    }
    properties[key] = value;
    carried.push(key);
  }
  const create: Record<string, unknown> = {
    name: opts.name ?? `${image.name ?? image.id}-deployable`,
    disk_format: image.disk_format,
    container_format: image.container_format,
    min_disk: image.min_disk ?? 0,
    min_ram: image.min_ram ?? 0,
    visibility: 'private',
    ...properties,
    image_type: 'image',
    ...provenance(image, opts, image.id),
  };
  return { create, carried, dropped };
}
