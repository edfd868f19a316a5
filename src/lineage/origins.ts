/**
 * Where each property of an image comes from, for the inspector:
 * - glance: core fields and what Glance writes (os_hash_*, stores, os_hidden, os_glance_*, checksum, ...);
 * - nova: the keys Nova writes on snapshots (LAB-NOTES), when the image is a Nova snapshot;
 * - app: this app's provenance keys (glance_lineage_*);
 * - inherited: same key and value as on the base image (Nova copies the boot image's properties);
 * - user: everything else.
 * Precedence, first match wins: glance, app (inherited instead when a snapshot got it from its base), nova,
 * inherited, user.
 */
import type { GlanceImage } from '../openstack/types';
import { GLANCE_CORE_FIELDS } from '../openstack/types';
import { classifyImage } from './classify';
import { PROVENANCE_PREFIX } from './types';

export type PropertyOrigin = 'glance' | 'nova' | 'inherited' | 'user' | 'app';

export interface PropertyWithOrigin {
  key: string;
  value: unknown;
  origin: PropertyOrigin;
}

/** Keys nova-api and the virt driver write on an instance snapshot. */
export const NOVA_SNAPSHOT_KEYS: ReadonlySet<string> = new Set([
  'image_type',
  'instance_uuid',
  'user_id',
  'base_image_ref',
  'owner_project_name',
  'owner_user_name',
  'boot_roles',
  'image_location',
  'image_state',
  'owner_id',
  'block_device_mapping',
  'bdm_v2',
  'root_device_name',
]);

const GLANCE_WRITTEN: ReadonlySet<string> = new Set([
  'os_hash_algo',
  'os_hash_value',
  'stores',
  'os_hidden',
  'checksum',
]);

export function isGlanceKey(key: string): boolean {
  return GLANCE_CORE_FIELDS.has(key) || GLANCE_WRITTEN.has(key) || key.startsWith('os_glance_');
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null)
    return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/** Every key of the image with its origin, sorted by key. */
export function propertyOrigins(
  image: GlanceImage,
  baseImage: GlanceImage | undefined,
): PropertyWithOrigin[] {
  const fromNova = classifyImage(image) !== 'image' || typeof image.instance_uuid === 'string';
  const out: PropertyWithOrigin[] = [];
  for (const key of Object.keys(image).sort()) {
    const value = image[key];
    if (value === undefined) continue;
    const onBase =
      baseImage !== undefined &&
      Object.prototype.hasOwnProperty.call(baseImage, key) &&
      sameValue(baseImage[key], value);
    let origin: PropertyOrigin;
    if (isGlanceKey(key)) origin = 'glance';
    else if (key.startsWith(PROVENANCE_PREFIX)) origin = onBase && fromNova ? 'inherited' : 'app';
    else if (fromNova && NOVA_SNAPSHOT_KEYS.has(key)) origin = 'nova';
    else if (onBase) origin = 'inherited';
    else origin = 'user';
    out.push({ key, value, origin });
  }
  return out;
}

export interface PropertyChange {
  key: string;
  base: unknown;
  value: unknown;
}

export interface BaseDiff {
  /** On the image, not on the base. */
  added: { key: string; value: unknown }[];
  /** On both, with different values. */
  changed: PropertyChange[];
  /** On the base, not on the image. */
  removed: { key: string; base: unknown }[];
  /** Same key and value on both. */
  same: { key: string; value: unknown }[];
}

/** Free-form properties of the image compared with its base image (Glance's own fields are left out). */
export function diffAgainstBase(image: GlanceImage, base: GlanceImage): BaseDiff {
  const diff: BaseDiff = { added: [], changed: [], removed: [], same: [] };
  const keys = new Set([...Object.keys(image), ...Object.keys(base)].filter((k) => !isGlanceKey(k)));
  for (const key of [...keys].sort()) {
    const inImage = Object.prototype.hasOwnProperty.call(image, key) && image[key] !== undefined;
    const inBase = Object.prototype.hasOwnProperty.call(base, key) && base[key] !== undefined;
    if (inImage && !inBase) diff.added.push({ key, value: image[key] });
    else if (!inImage && inBase) diff.removed.push({ key, base: base[key] });
    else if (inImage && inBase) {
      if (sameValue(image[key], base[key])) diff.same.push({ key, value: image[key] });
      else diff.changed.push({ key, base: base[key], value: image[key] });
    }
  }
  return diff;
}
