/** The simulator's in-memory model. Wire JSON is produced from it by the service modules. */
import type { GlanceImageStatus, GlanceVisibility } from '../../openstack/types/glance';
import type { NovaServerStatus } from '../../openstack/types/nova';

export type MemberStatus = 'pending' | 'accepted' | 'rejected';

export interface ImageMember {
  status: MemberStatus;
  createdAt: number;
  updatedAt: number;
}

/** Image data: real bytes (demo, uploads) or only a size (generated scenario: nothing held in memory). */
export type ImageData = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'synthetic'; size: number };

export interface SimImage {
  id: string;
  name: string | null;
  status: GlanceImageStatus;
  visibility: GlanceVisibility;
  protected: boolean;
  osHidden: boolean;
  owner: string | null;
  checksum: string | null;
  osHashAlgo: string | null;
  osHashValue: string | null;
  size: number | null;
  virtualSize: number | null;
  minDisk: number;
  minRam: number;
  diskFormat: string | null;
  containerFormat: string | null;
  createdAt: number;
  updatedAt: number;
  tags: string[];
  /** Free-form properties (all strings on the wire). */
  props: Record<string, string>;
  members: Map<string, ImageMember>;
  data: ImageData | null;
}

export interface Flavor {
  id: string;
  name: string;
  ram: number;
  disk: number;
  vcpus: number;
}

export const FLAVORS: readonly Flavor[] = [
  { id: '1', name: 'm1.tiny', ram: 512, disk: 1, vcpus: 1 },
  { id: '2', name: 'm1.small', ram: 2048, disk: 20, vcpus: 1 },
  { id: '3', name: 'm1.medium', ram: 4096, disk: 40, vcpus: 2 },
];

export interface SimServer {
  id: string;
  name: string;
  projectId: string;
  userId: string;
  /** Boot image id; null when booted from a volume (wire: image ""). */
  imageId: string | null;
  flavorId: string;
  status: NovaServerStatus;
  vmState: string;
  taskState: string | null;
  powerState: number;
  createdAt: number;
  updatedAt: number;
  launchedAt: number | null;
  terminatedAt: number | null;
  metadata: Record<string, string>;
  /** Nova's system_metadata image_* keys: the boot image's properties at boot, plus base_image_ref. */
  imageMeta: Record<string, string>;
  imageMinRam: number;
  imageMinDisk: number;
  bootRoles: string;
  ownerProjectName: string;
  ownerUserName: string;
  shelvedImageId: string | null;
  volumes: { id: string; delete_on_termination: boolean }[];
  rootDeviceName: string;
  instanceNumber: number;
  hostId: string;
}

/** A deferred transition, applied lazily when the clock passes `at`. */
export interface PendingEvent {
  at: number;
  seq: number;
  run: (state: SimState) => void;
}

export interface SimState {
  images: Map<string, SimImage>;
  servers: Map<string, SimServer>;
  deletedImageIds: string[];
  pending: PendingEvent[];
  seq: number;
  instanceCounter: number;
  /** 'bytes' keeps small real contents; 'synthetic' keeps only sizes (large generated scenarios). */
  dataMode: 'bytes' | 'synthetic';
}

export function emptyState(dataMode: SimState['dataMode'] = 'bytes'): SimState {
  return {
    images: new Map(),
    servers: new Map(),
    deletedImageIds: [],
    pending: [],
    seq: 0,
    instanceCounter: 0,
    dataMode,
  };
}

export function schedule(state: SimState, at: number, run: (state: SimState) => void): void {
  state.pending.push({ at, seq: ++state.seq, run });
}

/** Apply every deferred transition due at `now`, in time order. */
export function settle(state: SimState, now: number): number {
  let applied = 0;
  if (state.pending.length === 0) return applied;
  for (;;) {
    let best = -1;
    for (let i = 0; i < state.pending.length; i++) {
      const e = state.pending[i]!;
      if (e.at > now) continue;
      const b = best < 0 ? undefined : state.pending[best]!;
      if (!b || e.at < b.at || (e.at === b.at && e.seq < b.seq)) best = i;
    }
    if (best < 0) return applied;
    const [event] = state.pending.splice(best, 1);
    event!.run(state);
    applied++;
  }
}

/** Apply every pending transition regardless of time (scenario building). */
export function settleAll(state: SimState): void {
  settle(state, Number.POSITIVE_INFINITY);
}
