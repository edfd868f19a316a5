/**
 * Creates the shared fixtures of a contract run through the project's own clients. Independent tracks run
 * in parallel (the three-generation chain is the longest: ~80 s on the lab); every resource is named with
 * the run prefix so `cleanupRun` finds it, also when this function fails half-way.
 */
import type { NovaServer } from '../openstack/types';
import type { ContractSession, Capabilities } from './target';
import type { Fixtures, ProjectRef } from './fixtures-types';
import { clientsOf, type Clients } from './clients';
import { waitForImage, waitForServer, waitForServerGone } from './server-waits';

export interface FixtureInput {
  admin: ContractSession;
  member: ContractSession;
  other: ContractSession;
  prefix: string;
  capabilities: Capabilities;
  /** Progress lines (the real tier prints them; a run takes minutes). */
  log?: (line: string) => void;
}

/** The properties Nova copies from a boot image into its snapshots (LAB-NOTES, "Where each key comes from"). */
export const BASE_PROPERTIES = { os_distro: 'debian', os_version: '12', hw_disk_bus: 'virtio' } as const;
export const CHAIN_METADATA = { gl_contract: 'chain' } as const;
/** Admin's default image list must exceed one 1,000-image page for the pagination contract. */
export const PAGE_MAX = 1000;

export function imageData(size = 4096): Uint8Array {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = (i * 31 + 7) & 0xff;
  return data;
}

function projectOf(s: ContractSession): ProjectRef {
  const p = s.info().project;
  if (!p) throw new Error(`session of ${s.info().user.name} is not project-scoped`);
  return { id: p.id, name: p.name };
}

export async function createFixtures(input: FixtureInput): Promise<Fixtures> {
  const { prefix, capabilities: cap } = input;
  const log = input.log ?? (() => {});
  const admin = clientsOf(input.admin);
  const member = clientsOf(input.member);
  const other = clientsOf(input.other);
  const started = Date.now();
  const step = (what: string) => log(`[fixtures ${((Date.now() - started) / 1000).toFixed(0)}s] ${what}`);

  const flavors = await member.nova.listFlavors();
  const flavor = [...flavors].sort((a, b) => a.ram - b.ram || a.disk - b.disk)[0];
  if (!flavor) throw new Error('the cloud lists no flavors');

  const base = await member.glance.createImage({
    name: `${prefix}base`,
    disk_format: 'raw',
    container_format: 'bare',
    ...BASE_PROPERTIES,
  });
  await member.glance.uploadData(base.id, imageData());
  await waitForImage(member, base.id, cap);
  step(`base image ${base.id}`);

  const boot = async (c: Clients, name: string, imageRef: string): Promise<NovaServer> => {
    const { id } = await c.nova.createServer({ name, imageRef, flavorRef: flavor.id, networks: 'none' });
    const s = await waitForServer(c, id, 'ACTIVE', cap);
    step(`server ${name} ACTIVE`);
    return s;
  };
  const snapshot = async (c: Clients, serverId: string, name: string, metadata: Record<string, string>) => {
    const imageId = await c.nova.createImage(serverId, name, metadata);
    await waitForImage(c, imageId, cap);
    await waitForServer(c, serverId, ['ACTIVE'], cap);
    step(`snapshot ${name} active`);
    return imageId;
  };
  const shelveImageOf = async (serverName: string): Promise<string> => {
    const found = await member.glance.listImages({ name: `${serverName}-shelved` });
    const img = found[0];
    if (!img) throw new Error(`no shelve image named ${serverName}-shelved`);
    return img.id;
  };

  const chain = async () => {
    const servers: string[] = [];
    const snapshots: string[] = [];
    let current = base.id;
    for (const gen of [1, 2, 3]) {
      const s = await boot(member, `${prefix}chain-${gen}`, current);
      servers.push(s.id);
      current = await snapshot(member, s.id, `${prefix}chain-${gen}-snap`, { ...CHAIN_METADATA });
      snapshots.push(current);
    }
    return { servers, snapshots, snapshotMetadata: { ...CHAIN_METADATA } };
  };

  const orphan = async () => {
    const name = `${prefix}orphan`;
    const s = await boot(member, name, base.id);
    const snapshotId = await snapshot(member, s.id, `${prefix}orphan-snap`, {});
    await member.nova.deleteServer(s.id);
    await waitForServerGone(member, s.id, cap);
    step(`server ${name} deleted, its snapshot remains`);
    return { serverId: s.id, serverName: name, snapshotId };
  };

  const shelved = async () => {
    const name = `${prefix}shelved`;
    const s = await boot(member, name, base.id);
    const adminSnapshotId = await snapshot(admin, s.id, `${prefix}admin-snap`, {});
    await member.nova.shelve(s.id);
    const after = await waitForServer(member, s.id, ['SHELVED', 'SHELVED_OFFLOADED'], cap);
    if (after.status === 'SHELVED') {
      await admin.nova.shelveOffload(s.id);
      await waitForServer(member, s.id, 'SHELVED_OFFLOADED', cap);
    }
    const imageId = await shelveImageOf(name);
    step(`server ${name} SHELVED_OFFLOADED`);
    return { serverId: s.id, serverName: name, imageId, adminSnapshotId };
  };

  const unshelve = async () => {
    const name = `${prefix}unshelve`;
    const s = await boot(member, name, base.id);
    await member.nova.shelve(s.id);
    await waitForServer(member, s.id, ['SHELVED', 'SHELVED_OFFLOADED'], cap);
    const imageId = await shelveImageOf(name);
    step(`server ${name} shelved`);
    return { serverId: s.id, serverName: name, imageId };
  };

  const sortable = async () => {
    const property = { key: 'gl_run', value: prefix };
    const names = ['b', 'a', 'c'].map((n) => `${prefix}sort-${n}`);
    const ids: string[] = [];
    for (const name of names) {
      const img = await member.glance.createImage({
        name,
        disk_format: 'raw',
        container_format: 'bare',
        [property.key]: property.value,
      });
      ids.push(img.id);
    }
    return { ids, names, property };
  };

  const otherProject = async () => {
    const priv = await other.glance.createImage({
      name: `${prefix}other-private`,
      disk_format: 'raw',
      container_format: 'bare',
      visibility: 'private',
    });
    const shared = await other.glance.createImage({
      name: `${prefix}other-default`,
      disk_format: 'raw',
      container_format: 'bare',
    });
    return { privateId: priv.id, sharedId: shared.id };
  };

  // Two servers in parallel, so the track ends well before the three-generation chain.
  const actions = async () => {
    const keepTrack = async () => {
      const s = await boot(member, `${prefix}act-keep`, base.id);
      return { keepServerId: s.id, snapshotId: await snapshot(member, s.id, `${prefix}act-snap`, {}) };
    };
    const goneTrack = async () => {
      const s = await boot(member, `${prefix}act-gone`, base.id);
      const orphanIds = [
        await snapshot(member, s.id, `${prefix}act-orphan-1`, {}),
        await snapshot(member, s.id, `${prefix}act-orphan-2`, {}),
      ];
      const protectedOrphanId = await snapshot(member, s.id, `${prefix}act-orphan-protected`, {});
      await member.glance.updateImage(protectedOrphanId, [
        { op: 'replace', path: '/protected', value: true },
      ]);
      await member.nova.deleteServer(s.id);
      await waitForServerGone(member, s.id, cap);
      step(`server ${prefix}act-gone deleted, its three snapshots remain`);
      return { goneServerId: s.id, orphanIds, protectedOrphanId };
    };
    const [keep, gone] = await Promise.all([keepTrack(), goneTrack()]);
    return { ...keep, ...gone };
  };

  const bulk = async () => {
    const r = await ensureMoreThanOnePage(admin, prefix);
    if (r.created > 0) step(`${r.created} bulk images`);
    return r;
  };

  const settled = await Promise.allSettled([
    chain(),
    orphan(),
    shelved(),
    unshelve(),
    sortable(),
    otherProject(),
    bulk(),
    actions(),
  ] as const);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const value = <T>(r: PromiseSettledResult<T>): T => (r as PromiseFulfilledResult<T>).value;
  const [c, o, sh, un, so, op, bu, ac] = settled;
  step('all fixtures ready');
  const user = (s: ContractSession): ProjectRef => ({ id: s.info().user.id, name: s.info().user.name });
  return {
    prefix,
    projects: {
      admin: projectOf(input.admin),
      member: projectOf(input.member),
      other: projectOf(input.other),
    },
    users: { admin: user(input.admin), member: user(input.member) },
    flavorId: flavor.id,
    base: { id: base.id, name: `${prefix}base`, properties: { ...BASE_PROPERTIES } },
    chain: value(c),
    orphan: value(o),
    shelved: value(sh),
    unshelve: value(un),
    sortable: value(so),
    otherProject: value(op),
    bulk: value(bu),
    actions: value(ac),
  };
}

/**
 * Makes sure the admin's default image list is longer than one 1,000-image page, creating bare images named
 * `<prefix>bulk-<n>` for what is missing. Called again right before the pagination checks: on a shared cloud
 * other users' images may have gone in between.
 */
export async function ensureMoreThanOnePage(
  admin: Clients,
  prefix: string,
): Promise<{ created: number; visibleToAdmin: number }> {
  let visible = 0;
  for await (const page of admin.glance.pages({ limit: String(PAGE_MAX) })) visible += page.length;
  const missing = Math.max(0, PAGE_MAX + 5 - visible);
  const stamp = Date.now().toString(36);
  let next = 0;
  const worker = async () => {
    while (next < missing) {
      const n = next++;
      await admin.glance.createImage({
        name: `${prefix}bulk-${stamp}-${String(n).padStart(4, '0')}`,
        disk_format: 'raw',
        container_format: 'bare',
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { created: missing, visibleToAdmin: visible + missing };
}
