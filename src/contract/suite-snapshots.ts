/**
 * What Nova writes on snapshots (LAB-NOTES, "The snapshot properties real Nova writes"): the exact
 * property set, `base_image_ref` = the chain's ROOT, the parent only through instance_uuid → server.image,
 * shelve images that look like user snapshots, and an admin's snapshot of another project's server.
 */
import { describe, expect, it } from 'vitest';
import { GLANCE_CORE_FIELDS, type GlanceImage, type NovaServer } from '../openstack/types';
import { clientsOf } from './clients';
import type { ContractTarget } from './target';
import { wire } from './wire';

/** Keys nova-api writes on every snapshot (plus owner_id/image_location/image_state from the virt driver). */
export const NOVA_SNAPSHOT_KEYS = [
  'base_image_ref',
  'boot_roles',
  'image_location',
  'image_state',
  'image_type',
  'instance_uuid',
  'owner_id',
  'owner_project_name',
  'owner_user_name',
  'user_id',
] as const;

/** The free-form properties of an image: everything that is not a core Glance field. */
export function propertyKeys(img: GlanceImage): string[] {
  return Object.keys(img)
    .filter((k) => !GLANCE_CORE_FIELDS.has(k))
    .sort();
}

export function snapshotContract(target: ContractTarget): void {
  describe('Nova snapshots in Glance', () => {
    const imageAs = (id: string, who = target.member) => clientsOf(who).glance.getImage(id);

    it('writes exactly the Nova keys, the inherited base properties and the createImage metadata', async () => {
      const f = target.fixtures();
      for (const id of f.chain.snapshots) {
        const snap = await imageAs(id);
        const expected = [
          ...NOVA_SNAPSHOT_KEYS,
          ...Object.keys(f.base.properties),
          ...Object.keys(f.chain.snapshotMetadata),
        ].sort();
        expect(propertyKeys(snap)).toEqual(expected);
      }
    });

    it('fills the Nova keys with the snapshotting user, the instance project and the server', async () => {
      const f = target.fixtures();
      const snap = await imageAs(f.chain.snapshots[0] ?? '');
      expect(snap).toMatchObject({
        image_type: 'snapshot',
        instance_uuid: f.chain.servers[0],
        user_id: f.users.member.id,
        owner_user_name: f.users.member.name,
        owner_project_name: f.projects.member.name,
        owner_id: f.projects.member.id,
        owner: f.projects.member.id,
        image_location: 'snapshot',
        image_state: 'available',
        status: 'active',
        visibility: 'private',
        ...f.base.properties,
        ...f.chain.snapshotMetadata,
      });
      const flavor = (await clientsOf(target.member).nova.listFlavors()).find((x) => x.id === f.flavorId);
      expect(snap.min_disk).toBe(flavor?.disk);
      expect(snap.container_format).toBe('bare');
      expect(snap.size).toBeGreaterThan(0);
      expect(String(snap.boot_roles).split(',').sort()).toEqual([...target.member.info().roles].sort());
    });

    it('copies base_image_ref unchanged down the chain: every generation names the ROOT image', async () => {
      const f = target.fixtures();
      for (const id of f.chain.snapshots) expect((await imageAs(id)).base_image_ref).toBe(f.base.id);
    });

    it('records the immediate parent only as the boot image of the snapshot`s server', async () => {
      const f = target.fixtures();
      const { nova } = clientsOf(target.member);
      const parents = [f.base.id, ...f.chain.snapshots.slice(0, 2)];
      for (const [i, serverId] of f.chain.servers.entries()) {
        const server: NovaServer = await nova.getServer(serverId);
        expect(server.image === '' ? '' : server.image.id).toBe(parents[i]);
        expect((await imageAs(f.chain.snapshots[i] ?? '')).instance_uuid).toBe(serverId);
      }
    });

    it('names the shelve image <server>-shelved with the same keys as a user snapshot', async () => {
      const f = target.fixtures();
      const img = await imageAs(f.shelved.imageId);
      expect(img.name).toBe(`${f.shelved.serverName}-shelved`);
      expect(img).toMatchObject({
        image_type: 'snapshot',
        instance_uuid: f.shelved.serverId,
        base_image_ref: f.base.id,
      });
      expect(propertyKeys(img)).toEqual([...NOVA_SNAPSHOT_KEYS, ...Object.keys(f.base.properties)].sort());
      const server = await clientsOf(target.member).nova.getServer(f.shelved.serverId);
      expect(server.status).toBe('SHELVED_OFFLOADED');
      expect(server.image === '' ? '' : server.image.id).toBe(f.base.id);
    });

    it("makes an admin's snapshot of another project's server shared with that project, membership pending", async () => {
      const f = target.fixtures();
      const img = await imageAs(f.shelved.adminSnapshotId, target.admin);
      expect(img).toMatchObject({
        owner: f.projects.admin.id,
        visibility: 'shared',
        owner_id: f.projects.member.id,
        owner_project_name: f.projects.member.name,
        user_id: f.users.admin.id,
        instance_uuid: f.shelved.serverId,
      });
      const members = await wire<{ members: { member_id: string; status: string }[] }>(
        target.admin,
        'image',
        `/v2/images/${img.id}/members`,
      );
      expect(members.body.members.map((m) => [m.member_id, m.status])).toEqual([
        [f.projects.member.id, 'pending'],
      ]);
    });
  });
}
