import { describe, expect, it } from 'vitest';
import { planDeployableCopy, planGolden, propertyPath } from './convert';
import { idOf, lab } from './fixtures/lab-recorded';
import type { GlanceImage } from '../openstack/types';

const web3snap = lab.adminImages.find((i) => i.id === idOf('web-3-snap')) as GlanceImage;

describe('planGolden', () => {
  it('removes only the instance-specific properties the real snapshot has, and records provenance', () => {
    const plan = planGolden(web3snap, { now: '2026-11-30T10:00:00Z', by: 'admin' });
    expect(plan.removed).toEqual([
      'instance_uuid',
      'image_location',
      'image_state',
      'user_id',
      'owner_user_name',
      'owner_project_name',
      'boot_roles',
      'owner_id',
      'base_image_ref',
    ]);
    expect(plan.added).toEqual({
      image_type: 'golden',
      glance_lineage_source_image: web3snap.id,
      glance_lineage_source_server: 'e6b31340-0582-4cd4-9e3b-b0cb3c295583',
      glance_lineage_base_image_ref: 'd0c95b9a-3b8f-4a78-9014-5688b64940d1',
      glance_lineage_converted_at: '2026-11-30T10:00:00Z',
      glance_lineage_converted_by: 'admin',
    });
    expect(plan.patch).toContainEqual({ op: 'replace', path: '/image_type', value: 'golden' });
    expect(plan.patch).toContainEqual({ op: 'remove', path: '/instance_uuid' });
    expect(plan.patch.filter((op) => op.op === 'add').map((op) => op.path)).toEqual([
      '/glance_lineage_source_image',
      '/glance_lineage_source_server',
      '/glance_lineage_base_image_ref',
      '/glance_lineage_converted_at',
      '/glance_lineage_converted_by',
    ]);
  });

  it('never removes a property the image does not have (Glance answers 409)', () => {
    const bare = { ...web3snap };
    delete bare.image_location;
    delete bare.owner_id;
    delete bare.image_type;
    const plan = planGolden(bare, { now: 'now' });
    const removedPaths = plan.patch.filter((op) => op.op === 'remove').map((op) => op.path);
    expect(removedPaths).not.toContain('/image_location');
    expect(removedPaths).not.toContain('/owner_id');
    expect(plan.patch).toContainEqual({ op: 'add', path: '/image_type', value: 'golden' });
    expect(plan.added).not.toHaveProperty('glance_lineage_converted_by');
  });

  it('keeps the block device mapping of a volume-backed snapshot', () => {
    const vol = { ...web3snap, size: 0, block_device_mapping: '[{"snapshot_id":"c1"}]', bdm_v2: 'True' };
    expect(planGolden(vol, { now: 'now' }).removed).not.toContain('block_device_mapping');
  });

  it('escapes JSON pointer characters in property names', () => {
    expect(propertyPath('a/b~c')).toBe('/a~1b~0c');
  });
});

describe('planDeployableCopy', () => {
  it('carries boot-relevant properties and drops the instance-specific ones', () => {
    const plan = planDeployableCopy(web3snap, { now: '2026-11-30T10:00:00Z' });
    expect(plan.carried).toEqual(['hw_disk_bus', 'os_distro', 'os_version']);
    expect(plan.dropped).toEqual([
      'base_image_ref',
      'boot_roles',
      'image_location',
      'image_state',
      'image_type',
      'instance_uuid',
      'owner_id',
      'owner_project_name',
      'owner_specified.openstack.md5',
      'owner_specified.openstack.object',
      'owner_specified.openstack.sha256',
      'owner_user_name',
      'user_id',
    ]);
    expect(plan.create).toEqual({
      name: 'web-3-snap-deployable',
      disk_format: 'qcow2',
      container_format: 'bare',
      min_disk: 1,
      min_ram: 0,
      visibility: 'private',
      hw_disk_bus: 'virtio',
      os_distro: 'debian',
      os_version: '12',
      image_type: 'image',
      glance_lineage_source_image: web3snap.id,
      glance_lineage_source_server: 'e6b31340-0582-4cd4-9e3b-b0cb3c295583',
      glance_lineage_base_image_ref: 'd0c95b9a-3b8f-4a78-9014-5688b64940d1',
      glance_lineage_converted_at: '2026-11-30T10:00:00Z',
    });
  });
});
