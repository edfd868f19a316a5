/**
 * Typed scenario builders: they drive the same state transitions a real cloud goes through (upload, boot,
 * snapshot, shelve, delete), at fixed times, so properties come out exactly as Nova and Glance write them.
 */
import type { GlanceVisibility } from '../openstack/types/glance';
import {
  PROJECT_IDS,
  USER_IDS,
  userByName,
  type ProjectName,
  type RoleName,
  type UserName,
} from './state/identity';
import { activateWithData, addImage, makeData, removeImage } from './state/images';
import { FLAVORS, settle, type SimImage, type SimServer, type SimState } from './state/model';
import {
  bootServer,
  deleteServer,
  flavorById,
  offloadServer,
  shelveServer,
  snapshotServer,
  type Actor,
} from './state/servers';

export interface BaseImageOptions {
  id: string;
  name: string;
  project?: ProjectName;
  visibility?: GlanceVisibility;
  size?: number;
  props?: Record<string, string>;
  tags?: string[];
  protected?: boolean;
  hidden?: boolean;
  minDisk?: number;
  minRam?: number;
  diskFormat?: string;
  containerFormat?: string;
  virtualSize?: number;
  /** Uploaded with OSC/openstacksdk (adds owner_specified.openstack.*). Default true. */
  viaOpenstackClient?: boolean;
  /** Leave it queued with no data. */
  noData?: boolean;
}

export interface BootBuilderOptions {
  id: string;
  name: string;
  image: SimImage | null;
  user: UserName;
  project?: ProjectName;
  flavor?: string;
  metadata?: Record<string, string>;
  /** Boot from a volume created from this image. */
  volumeFrom?: SimImage;
}

export interface SnapshotBuilderOptions {
  id: string;
  name: string;
  user?: UserName;
  project?: ProjectName;
  size?: number;
  metadata?: Record<string, string>;
}

export function actorFor(user: UserName, project?: ProjectName): Actor {
  const u = userByName(user);
  if (!u) throw new Error(`unknown user ${user}`);
  const p = project ?? u.defaultProject;
  const roles: RoleName[] = u.roles[p] ?? [];
  if (roles.length === 0) throw new Error(`${user} has no role on ${p}`);
  return { userId: USER_IDS[user], projectId: PROJECT_IDS[p], roles };
}

const MINUTE = 60_000;

export class ScenarioBuilder {
  private t: number;

  constructor(
    readonly state: SimState,
    start: string | number,
  ) {
    this.t = typeof start === 'number' ? start : Date.parse(start);
  }

  /** Move the cursor to a fixed time (ISO string). */
  at(iso: string): this {
    this.t = Date.parse(iso);
    return this;
  }

  advance(minutes: number): this {
    this.t += minutes * MINUTE;
    return this;
  }

  get now(): number {
    return this.t;
  }

  private settleAfter(ms: number): void {
    settle(this.state, this.t + ms);
    this.t += ms;
  }

  /** `openstack image create --file ...`: create, upload, active. */
  baseImage(o: BaseImageOptions): SimImage {
    const project = o.project ?? 'admin';
    const viaOsc = o.viaOpenstackClient ?? true;
    const props: Record<string, string> = { ...(o.props ?? {}) };
    if (viaOsc) {
      Object.assign(props, {
        'owner_specified.openstack.md5': '',
        'owner_specified.openstack.sha256': '',
        'owner_specified.openstack.object': `images/${o.name}`,
      });
    }
    const img = addImage(this.state, {
      id: o.id,
      name: o.name,
      owner: PROJECT_IDS[project],
      now: this.t,
      visibility: o.visibility ?? 'shared',
      protected: o.protected ?? false,
      osHidden: o.hidden ?? false,
      minDisk: o.minDisk ?? 0,
      minRam: o.minRam ?? 0,
      diskFormat: o.diskFormat ?? 'qcow2',
      containerFormat: o.containerFormat ?? 'bare',
      tags: o.tags ?? [],
      props,
    });
    if (!o.noData) {
      const { data, hashes } = makeData(this.state, `base:${o.name}`, o.id, o.size ?? 196616);
      activateWithData(img, data, hashes, this.t + 1000);
      img.virtualSize = o.virtualSize ?? (img.diskFormat === 'raw' ? hashes.size : 16 * 1024 * 1024);
    }
    this.t += 2 * MINUTE;
    return img;
  }

  /** `openstack server create --wait`: BUILD then ACTIVE. */
  boot(o: BootBuilderOptions): SimServer {
    const flavor = flavorById(o.flavor ?? 'm1.tiny') ?? FLAVORS[0]!;
    const s = bootServer(this.state, {
      id: o.id,
      name: o.name,
      actor: actorFor(o.user, o.project),
      image: o.volumeFrom ? null : o.image,
      volumeSourceImage: o.volumeFrom ?? null,
      flavor,
      now: this.t,
      metadata: o.metadata,
      volumes: o.volumeFrom ? [{ id: volumeIdFor(o.id), delete_on_termination: false }] : [],
    });
    this.settleAfter(MINUTE);
    return s;
  }

  /** `openstack server image create --wait`. */
  snapshot(server: SimServer, o: SnapshotBuilderOptions): SimImage {
    const u = o.user ?? (userNameOf(server.userId) as UserName);
    const img = snapshotServer(this.state, {
      server,
      actor: actorFor(u, o.project ?? projectNameOfId(server.projectId)),
      imageId: o.id,
      name: o.name,
      now: this.t,
      metadata: o.metadata,
      size: o.size,
    });
    this.settleAfter(MINUTE);
    return img;
  }

  /** `nova backup` (createBackup): a snapshot with image_type=backup and backup_type. */
  backup(server: SimServer, o: SnapshotBuilderOptions & { backupType: string }): SimImage {
    return this.snapshot(server, {
      ...o,
      metadata: { ...(o.metadata ?? {}), image_type: 'backup', backup_type: o.backupType },
    });
  }

  shelve(server: SimServer, imageId: string): SimImage {
    const img = shelveServer(
      this.state,
      server,
      actorFor(userNameOf(server.userId) as UserName, projectNameOfId(server.projectId)),
      imageId,
      this.t,
    );
    this.settleAfter(MINUTE);
    return img;
  }

  offload(server: SimServer): void {
    offloadServer(server, this.t);
    this.t += MINUTE;
  }

  deleteServer(server: SimServer): void {
    deleteServer(this.state, server, this.t);
    this.t += MINUTE;
  }

  deleteImage(image: SimImage): void {
    removeImage(this.state, image.id);
    this.t += MINUTE;
  }

  /** `openstack image set ...`: any change, stamped with the cursor time. */
  update(image: SimImage, change: (img: SimImage) => void): SimImage {
    change(image);
    image.updatedAt = this.t;
    this.t += MINUTE;
    return image;
  }

  tag(image: SimImage, ...tags: string[]): SimImage {
    return this.update(image, (img) => {
      for (const t of tags) if (!img.tags.includes(t)) img.tags.push(t);
    });
  }

  addMember(image: SimImage, project: ProjectName, status: 'pending' | 'accepted' | 'rejected'): void {
    image.members.set(PROJECT_IDS[project], { status, createdAt: this.t, updatedAt: this.t });
    this.t += MINUTE;
  }
}

function volumeIdFor(serverId: string): string {
  return `0f${serverId.slice(2)}`;
}

function userNameOf(id: string): string {
  const entry = (Object.entries(USER_IDS) as [UserName, string][]).find(([, v]) => v === id);
  if (!entry) throw new Error(`unknown user id ${id}`);
  return entry[0];
}

function projectNameOfId(id: string): ProjectName {
  const entry = (Object.entries(PROJECT_IDS) as [ProjectName, string][]).find(([, v]) => v === id);
  if (!entry) throw new Error(`unknown project id ${id}`);
  return entry[0];
}
