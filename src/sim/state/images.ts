/** Pure-ish image transitions on the model (no HTTP): create, attach data, delete. */
import type { GlanceVisibility } from '../../openstack/types/glance';
import { patternData, syntheticData, type DataHashes } from './image-data';
import type { ImageData, SimImage, SimState } from './model';

export interface NewImage {
  id: string;
  name: string | null;
  owner: string | null;
  now: number;
  visibility?: GlanceVisibility;
  protected?: boolean;
  osHidden?: boolean;
  minDisk?: number;
  minRam?: number;
  diskFormat?: string | null;
  containerFormat?: string | null;
  tags?: string[];
  props?: Record<string, string>;
}

export function addImage(state: SimState, o: NewImage): SimImage {
  if (state.images.has(o.id)) throw new Error(`image ${o.id} exists`);
  const image: SimImage = {
    id: o.id,
    name: o.name,
    status: 'queued',
    visibility: o.visibility ?? 'shared',
    protected: o.protected ?? false,
    osHidden: o.osHidden ?? false,
    owner: o.owner,
    checksum: null,
    osHashAlgo: null,
    osHashValue: null,
    size: null,
    virtualSize: null,
    minDisk: o.minDisk ?? 0,
    minRam: o.minRam ?? 0,
    diskFormat: o.diskFormat ?? null,
    containerFormat: o.containerFormat ?? null,
    createdAt: o.now,
    updatedAt: o.now,
    tags: [...new Set(o.tags ?? [])],
    props: { ...(o.props ?? {}) },
    members: new Map(),
    data: null,
  };
  state.images.set(image.id, image);
  return image;
}

/** Attach data and make the image active, as Glance does after a successful upload. */
export function activateWithData(image: SimImage, data: ImageData, hashes: DataHashes, now: number): void {
  image.data = data;
  image.size = hashes.size;
  image.checksum = hashes.checksum;
  image.osHashAlgo = hashes.osHashAlgo;
  image.osHashValue = hashes.osHashValue;
  if (image.diskFormat === 'qcow2' && image.virtualSize === null)
    image.virtualSize = Math.max(hashes.size, 1 << 26);
  else if (image.virtualSize === null) image.virtualSize = hashes.size;
  image.status = 'active';
  image.updatedAt = now;
}

/** Data for an image made by the simulator itself (scenario uploads, snapshots). */
export function makeData(
  state: SimState,
  label: string,
  id: string,
  size: number,
): { data: ImageData; hashes: DataHashes } {
  return state.dataMode === 'synthetic' ? syntheticData(id, size) : patternData(label, size);
}

export function removeImage(state: SimState, id: string): boolean {
  if (!state.images.delete(id)) return false;
  state.deletedImageIds.push(id);
  return true;
}
