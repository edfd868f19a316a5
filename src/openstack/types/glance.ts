/**
 * Glance images API v2 wire types, exactly as `GET /v2/images` and `GET /v2/images/{id}` return them.
 * Extra properties (image_type, instance_uuid, base_image_ref, os_distro, ...) are top-level string keys.
 */
export type GlanceImageStatus =
  | 'queued'
  | 'saving'
  | 'uploading'
  | 'importing'
  | 'active'
  | 'killed'
  | 'deleted'
  | 'pending_delete'
  | 'deactivated';

export type GlanceVisibility = 'public' | 'private' | 'shared' | 'community';

/** Core fields Glance itself owns. Everything else on an image is a free-form property. */
export interface GlanceImageCore {
  id: string;
  name: string | null;
  status: GlanceImageStatus;
  visibility: GlanceVisibility;
  protected: boolean;
  os_hidden: boolean;
  owner: string | null;
  checksum: string | null;
  os_hash_algo: string | null;
  os_hash_value: string | null;
  size: number | null;
  virtual_size: number | null;
  min_disk: number;
  min_ram: number;
  disk_format: string | null;
  container_format: string | null;
  created_at: string;
  updated_at: string;
  tags: string[];
  self: string;
  file: string;
  schema: string;
  stores?: string;
}

/** Well-known extra properties written by Nova on snapshots (all strings on the wire). */
export interface NovaSnapshotProperties {
  image_type?: string;
  instance_uuid?: string;
  base_image_ref?: string;
  user_id?: string;
  owner_id?: string;
  owner_project_name?: string;
  owner_user_name?: string;
  boot_roles?: string;
  image_location?: string;
  image_state?: string;
  block_device_mapping?: string;
  bdm_v2?: string;
  root_device_name?: string;
}

/** A Glance image: core fields, Nova's snapshot keys, and any other property as a string. */
export type GlanceImage = GlanceImageCore &
  NovaSnapshotProperties & {
    [property: string]: unknown;
  };

export interface GlanceImageList {
  images: GlanceImage[];
  first: string;
  /** Relative link, e.g. `/v2/images?limit=2&marker=<id>`; absent on the last page. */
  next?: string;
  schema: string;
}

/** One RFC 6902 operation as Glance's `application/openstack-images-v2.1-json-patch` accepts it. */
export type GlanceJsonPatchOp =
  { op: 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

export const GLANCE_PATCH_CONTENT_TYPE = 'application/openstack-images-v2.1-json-patch';

/** Core fields that are not free-form properties (anything else on an image is a property). */
export const GLANCE_CORE_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'status',
  'visibility',
  'protected',
  'os_hidden',
  'owner',
  'checksum',
  'os_hash_algo',
  'os_hash_value',
  'size',
  'virtual_size',
  'min_disk',
  'min_ram',
  'disk_format',
  'container_format',
  'created_at',
  'updated_at',
  'tags',
  'self',
  'file',
  'schema',
  'stores',
  'locations',
  'direct_url',
]);
