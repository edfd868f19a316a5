/**
 * Classification of Glance images and small predicates on images and servers.
 * `image_type` is a hint, not proof (any owner can set it): `instance_uuid` is the stronger evidence.
 */
import type { GlanceImage, NovaServer } from '../openstack/types';
import type { ImageKind, NodeKind } from './types';
import { PROVENANCE_PREFIX } from './types';

/** Glance statuses during which the image's data is not settled yet. */
export const TRANSITIONAL_STATUSES: ReadonlySet<string> = new Set([
  'queued',
  'saving',
  'uploading',
  'importing',
]);
/** Server statuses whose `<name>-shelved` image holds the server's disk. */
export const SHELVED_SERVER_STATUSES: ReadonlySet<string> = new Set(['SHELVED', 'SHELVED_OFFLOADED']);
/** Nova names the shelve image `<server name>-shelved`. */
export const SHELVED_SUFFIX = '-shelved';

/** The app's provenance properties, written on converted images (see convert.ts). */
export const PROVENANCE_KEYS = {
  sourceImage: `${PROVENANCE_PREFIX}source_image`,
  sourceServer: `${PROVENANCE_PREFIX}source_server`,
  baseImageRef: `${PROVENANCE_PREFIX}base_image_ref`,
  convertedAt: `${PROVENANCE_PREFIX}converted_at`,
  convertedBy: `${PROVENANCE_PREFIX}converted_by`,
} as const;

/** A non-empty string property of an image, or undefined. */
export function stringProperty(image: GlanceImage, key: string): string | undefined {
  const value = image[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A volume-backed instance snapshot: Nova stores only a block device mapping (the data lives in Cinder volume
 * snapshots), so the image itself has no data (size 0 or none).
 */
export function isVolumeBacked(image: GlanceImage): boolean {
  const bdm = stringProperty(image, 'block_device_mapping');
  return (
    bdm !== undefined && bdm !== '[]' && (image.size === 0 || image.size === null || image.size === undefined)
  );
}

/**
 * The kind of an image:
 * - `golden` when `image_type=golden` (set by a conversion);
 * - `volume-snapshot` for a data-less image carrying a block device mapping;
 * - `backup` when `image_type=backup` (Nova's createBackup);
 * - `snapshot` when `image_type=snapshot` or the image names the instance it was taken from (`instance_uuid`);
 * - `image` otherwise (a base image, a deployable copy, anything uploaded).
 */
export function classifyImage(image: GlanceImage): ImageKind {
  const type = stringProperty(image, 'image_type');
  if (type === 'golden') return 'golden';
  if (isVolumeBacked(image)) return 'volume-snapshot';
  if (type === 'backup') return 'backup';
  if (type === 'snapshot' || stringProperty(image, 'instance_uuid') !== undefined) return 'snapshot';
  return 'image';
}

/** Made by Nova from an instance: a snapshot, a backup or a volume-backed snapshot. */
export function isSnapshot(image: GlanceImage): boolean {
  const kind = classifyImage(image);
  return kind === 'snapshot' || kind === 'backup' || kind === 'volume-snapshot';
}

/** The image is queued, saving, uploading or importing. */
export function isTransitional(image: GlanceImage): boolean {
  return TRANSITIONAL_STATUSES.has(image.status);
}

export function isShelvedServer(server: NovaServer): boolean {
  return SHELVED_SERVER_STATUSES.has(server.status);
}

/**
 * The shelve image of a shelved server: named `<something>-shelved` (Nova uses `<server name>-shelved`; the
 * server may have been renamed since) and taken from `server`, which is SHELVED or SHELVED_OFFLOADED.
 * Such an image looks exactly like a user snapshot otherwise.
 */
export function isShelvedImage(image: GlanceImage, server: NovaServer | undefined): boolean {
  if (!server || !isShelvedServer(server)) return false;
  const name = image.name ?? '';
  if (!name.endsWith(SHELVED_SUFFIX)) return false;
  const instance = stringProperty(image, 'instance_uuid');
  return instance === undefined || instance === server.id;
}

/** Node kinds that are real Glance images (not servers, not placeholders). */
export function isImageKind(kind: NodeKind): kind is ImageKind {
  return kind !== 'server' && kind !== 'missing-image' && kind !== 'missing-server';
}

/** `name (1a2b3c4d)`: how reasons name an image or a server. */
export function label(name: string | null | undefined, id: string): string {
  const short = id.slice(0, 8);
  return name ? `${name} (${short})` : `(${short})`;
}
