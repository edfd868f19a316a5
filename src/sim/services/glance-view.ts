/** Glance wire JSON and visibility rules for one caller. */
import type { GlanceImage } from '../../openstack/types/glance';
import type { Caller } from '../context';
import { isoSeconds } from '../http';
import type { ImageMember, SimImage } from '../state/model';

export function imageJson(img: SimImage): GlanceImage {
  const out: Record<string, unknown> = { ...img.props };
  Object.assign(out, {
    checksum: img.checksum,
    container_format: img.containerFormat,
    created_at: isoSeconds(img.createdAt),
    disk_format: img.diskFormat,
    file: `/v2/images/${img.id}/file`,
    id: img.id,
    min_disk: img.minDisk,
    min_ram: img.minRam,
    name: img.name,
    os_hash_algo: img.osHashAlgo,
    os_hash_value: img.osHashValue,
    os_hidden: img.osHidden,
    owner: img.owner,
    protected: img.protected,
    schema: '/v2/schemas/image',
    self: `/v2/images/${img.id}`,
    size: img.size,
    status: img.status,
    tags: [...img.tags],
    updated_at: isoSeconds(img.updatedAt),
    virtual_size: img.virtualSize,
    visibility: img.visibility,
  });
  if (img.data !== null) out.stores = 'fs';
  return out as GlanceImage;
}

export function memberJson(imageId: string, memberId: string, m: ImageMember): Record<string, unknown> {
  return {
    created_at: isoSeconds(m.createdAt),
    image_id: imageId,
    member_id: memberId,
    schema: '/v2/schemas/member',
    status: m.status,
    updated_at: isoSeconds(m.updatedAt),
  };
}

/** Can the caller GET this image by id? (Other projects' private images are 404, not 403.) */
export function canSee(c: Caller, img: SimImage): boolean {
  if (c.isAdmin || img.owner === c.projectId) return true;
  if (img.visibility === 'public' || img.visibility === 'community') return true;
  return img.visibility === 'shared' && img.members.has(c.projectId);
}

/** Owner (or admin): may modify, delete, tag, upload. */
export function canModify(c: Caller, img: SimImage): boolean {
  return c.canWrite && (c.isAdmin || img.owner === c.projectId);
}
