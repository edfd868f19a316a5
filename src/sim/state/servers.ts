/** Nova-side transitions: boot, snapshot (createImage / shelve), shelve-offload, unshelve, delete. */
import { projectNameOf, userById } from './identity';
import { activateWithData, addImage, makeData, removeImage } from './images';
import { EMPTY_MD5 } from './image-data';
import { FLAVORS, schedule, type Flavor, type SimImage, type SimServer, type SimState } from './model';

export interface Actor {
  userId: string;
  projectId: string;
  roles: readonly string[];
}

/** Timings of the lazily computed transitions (clock milliseconds). */
export const TIMINGS = {
  buildMs: 2000,
  snapshotSavingMs: 1000,
  snapshotActiveMs: 3000,
  unshelveMs: 2000,
} as const;

/** Nova's NON_INHERITABLE_IMAGE_PROPERTIES plus [DEFAULT] non_inheritable_image_properties defaults. */
export const NON_INHERITABLE_PROPERTIES: ReadonlySet<string> = new Set([
  'cache_in_nova',
  'bittorrent',
  'img_signature',
  'img_signature_hash_method',
  'img_signature_key_type',
  'img_signature_certificate_uuid',
]);
const NON_INHERITABLE_NAMESPACES = ['os_traits:'];

export const DEFAULT_SNAPSHOT_SIZE = 196616;

export function flavorById(id: string): Flavor | undefined {
  return FLAVORS.find((f) => f.id === id || f.name === id);
}

function canonicalRoles(roles: readonly string[]): string {
  const rank = (r: string): number => {
    const i = ['reader', 'member', 'admin'].indexOf(r);
    return i < 0 ? 99 : i;
  };
  return [...roles].sort((a, b) => rank(a) - rank(b)).join(',');
}

function hostIdFor(projectId: string): string {
  let x = 2166136261;
  for (let i = 0; i < projectId.length; i++) x = Math.imul(x ^ projectId.charCodeAt(i), 16777619);
  return ((x >>> 0).toString(16).padStart(8, '0') + projectId).repeat(2).slice(0, 56);
}

export interface BootOptions {
  id: string;
  name: string;
  actor: Actor;
  /** Boot image; null for boot-from-volume. */
  image: SimImage | null;
  /** For boot-from-volume: the image the volume was created from (its properties become the volume image metadata). */
  volumeSourceImage?: SimImage | null;
  flavor: Flavor;
  now: number;
  metadata?: Record<string, string>;
  volumes?: { id: string; delete_on_termination: boolean }[];
}

export function bootServer(state: SimState, o: BootOptions): SimServer {
  const source = o.image ?? o.volumeSourceImage ?? null;
  const imageMeta: Record<string, string> = { ...(source?.props ?? {}) };
  if (source && imageMeta.base_image_ref === undefined) imageMeta.base_image_ref = source.id;
  const server: SimServer = {
    id: o.id,
    name: o.name,
    projectId: o.actor.projectId,
    userId: o.actor.userId,
    imageId: o.image ? o.image.id : null,
    flavorId: o.flavor.id,
    status: 'BUILD',
    vmState: 'building',
    taskState: 'spawning',
    powerState: 0,
    createdAt: o.now,
    updatedAt: o.now,
    launchedAt: null,
    terminatedAt: null,
    metadata: { ...(o.metadata ?? {}) },
    imageMeta,
    imageMinRam: source?.minRam ?? 0,
    imageMinDisk: source?.minDisk ?? 0,
    bootRoles: canonicalRoles(o.actor.roles),
    ownerProjectName: projectNameOf(o.actor.projectId) ?? o.actor.projectId,
    ownerUserName: userById(o.actor.userId)?.name ?? o.actor.userId,
    shelvedImageId: null,
    volumes: o.volumes ?? [],
    rootDeviceName: o.image ? '/dev/vda' : '/dev/vda',
    instanceNumber: ++state.instanceCounter,
    hostId: hostIdFor(o.actor.projectId),
  };
  state.servers.set(server.id, server);
  schedule(state, o.now + TIMINGS.buildMs, () => {
    if (server.status !== 'BUILD') return;
    server.status = 'ACTIVE';
    server.vmState = 'active';
    server.taskState = null;
    server.powerState = 1;
    server.launchedAt = o.now + TIMINGS.buildMs;
    server.updatedAt = o.now + TIMINGS.buildMs;
  });
  return server;
}

export interface SnapshotOptions {
  server: SimServer;
  actor: Actor;
  imageId: string;
  name: string;
  now: number;
  metadata?: Record<string, string>;
  /** Size of the uploaded disk (defaults to the lab's 196616 bytes). */
  size?: number;
  /** Task state the server shows while the image uploads (createImage vs shelve). */
  taskState?: string;
  onActive?: (state: SimState, image: SimImage) => void;
}

/** The properties Nova writes on a snapshot image (LAB-NOTES, "The snapshot properties real Nova writes"). */
export function snapshotProperties(
  server: SimServer,
  actor: Actor,
  extra: Record<string, string> = {},
): Record<string, string> {
  const props: Record<string, string> = {};
  for (const [k, v] of Object.entries(server.imageMeta)) {
    if (NON_INHERITABLE_PROPERTIES.has(k) || NON_INHERITABLE_NAMESPACES.some((ns) => k.startsWith(ns)))
      continue;
    props[k] = v;
  }
  // Keys of an older snapshot that do not describe this one.
  delete props.block_device_mapping;
  delete props.bdm_v2;
  delete props.root_device_name;
  Object.assign(props, {
    instance_uuid: server.id,
    user_id: actor.userId,
    image_type: 'snapshot',
    owner_project_name: server.ownerProjectName,
    owner_user_name: server.ownerUserName,
    boot_roles: server.bootRoles,
  });
  Object.assign(props, extra);
  // The virt driver's snapshot metadata (libvirt `_create_snapshot_metadata`).
  Object.assign(props, { image_location: 'snapshot', image_state: 'available', owner_id: server.projectId });
  return props;
}

function isVolumeBacked(server: SimServer): boolean {
  return server.imageId === null;
}

export function snapshotServer(state: SimState, o: SnapshotOptions): SimImage {
  const { server, actor, now } = o;
  const foreign = actor.projectId !== server.projectId;
  const flavor = flavorById(server.flavorId);
  if (isVolumeBacked(server)) {
    const props: Record<string, string> = {};
    for (const [k, v] of Object.entries(server.imageMeta))
      if (!NON_INHERITABLE_PROPERTIES.has(k)) props[k] = v;
    delete props.instance_uuid;
    Object.assign(props, {
      user_id: actor.userId,
      image_type: 'snapshot',
      owner_project_name: server.ownerProjectName,
      owner_user_name: server.ownerUserName,
      boot_roles: server.bootRoles,
      ...(o.metadata ?? {}),
      root_device_name: server.rootDeviceName,
      bdm_v2: 'True',
      block_device_mapping: JSON.stringify(
        server.volumes.map((v, i) => ({
          boot_index: i === 0 ? 0 : null,
          delete_on_termination: v.delete_on_termination,
          destination_type: 'volume',
          device_name: i === 0 ? server.rootDeviceName : null,
          disk_bus: 'virtio',
          guest_format: null,
          image_id: null,
          no_device: null,
          snapshot_id: `${v.id.slice(0, 24)}5a5a5a5a5a5a`,
          source_type: 'snapshot',
          tag: null,
          volume_id: null,
          volume_size: flavor?.disk ?? 1,
          volume_type: null,
        })),
      ),
    });
    const image = addImage(state, {
      id: o.imageId,
      name: o.name,
      owner: actor.projectId,
      now,
      visibility: foreign ? 'shared' : 'private',
      minDisk: flavor?.disk ?? 0,
      minRam: server.imageMinRam,
      diskFormat: 'qcow2',
      containerFormat: 'bare',
      props,
    });
    if (foreign) image.members.set(server.projectId, { status: 'pending', createdAt: now, updatedAt: now });
    activateWithData(
      image,
      { kind: 'bytes', bytes: new Uint8Array(0) },
      { size: 0, checksum: EMPTY_MD5, osHashAlgo: 'sha512', osHashValue: EMPTY_SHA512 },
      now,
    );
    image.virtualSize = null;
    return image;
  }
  const image = addImage(state, {
    id: o.imageId,
    name: o.name,
    owner: actor.projectId,
    now,
    visibility: foreign ? 'shared' : 'private',
    minDisk: Math.max(flavor?.disk ?? 0, 0),
    minRam: server.imageMinRam,
    diskFormat: 'qcow2',
    containerFormat: 'bare',
    props: snapshotProperties(server, actor, o.metadata),
  });
  if (foreign) image.members.set(server.projectId, { status: 'pending', createdAt: now, updatedAt: now });
  const task = o.taskState ?? 'image_snapshot_pending';
  server.taskState = task;
  server.updatedAt = now;
  schedule(state, now + TIMINGS.snapshotSavingMs, () => {
    if (!state.images.has(image.id)) return;
    image.status = 'saving';
    image.updatedAt = now + TIMINGS.snapshotSavingMs;
    if (server.taskState === task)
      server.taskState = task === 'image_snapshot_pending' ? 'image_uploading' : task;
  });
  schedule(state, now + TIMINGS.snapshotActiveMs, () => {
    const t = now + TIMINGS.snapshotActiveMs;
    if (state.images.has(image.id)) {
      const { data, hashes } = makeData(
        state,
        `snapshot:${server.imageMeta.base_image_ref ?? 'none'}`,
        image.id,
        o.size ?? DEFAULT_SNAPSHOT_SIZE,
      );
      activateWithData(image, data, hashes, t);
      image.virtualSize = 67108864;
    }
    if (server.taskState === 'image_uploading' || server.taskState === task) server.taskState = null;
    server.updatedAt = t;
    o.onActive?.(state, image);
  });
  return image;
}

export const EMPTY_SHA512 =
  'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e';

/** Shelve: upload `<name>-shelved` through the snapshot path, then SHELVED. */
export function shelveServer(
  state: SimState,
  server: SimServer,
  actor: Actor,
  imageId: string,
  now: number,
): SimImage {
  const image = snapshotServer(state, {
    server,
    actor,
    imageId,
    name: `${server.name}-shelved`,
    now,
    taskState: 'shelving_image_uploading',
    onActive: () => {
      server.status = 'SHELVED';
      server.vmState = 'shelved';
      server.taskState = null;
      server.powerState = 4;
    },
  });
  server.shelvedImageId = image.id;
  return image;
}

export function offloadServer(server: SimServer, now: number): void {
  server.status = 'SHELVED_OFFLOADED';
  server.vmState = 'shelved_offloaded';
  server.taskState = null;
  server.powerState = 4;
  server.hostId = '';
  server.updatedAt = now;
}

export function unshelveServer(state: SimState, server: SimServer, now: number): void {
  server.taskState = 'unshelving';
  server.updatedAt = now;
  schedule(state, now + TIMINGS.unshelveMs, () => {
    server.status = 'ACTIVE';
    server.vmState = 'active';
    server.taskState = null;
    server.powerState = 1;
    server.hostId = hostIdFor(server.projectId);
    server.updatedAt = now + TIMINGS.unshelveMs;
    if (server.shelvedImageId) removeImage(state, server.shelvedImageId);
    server.shelvedImageId = null;
  });
}

export function deleteServer(state: SimState, server: SimServer, now: number): void {
  server.status = 'DELETED';
  server.vmState = 'deleted';
  server.taskState = null;
  server.powerState = 0;
  server.terminatedAt = now;
  server.updatedAt = now;
  if (server.shelvedImageId) removeImage(state, server.shelvedImageId);
  server.shelvedImageId = null;
}
