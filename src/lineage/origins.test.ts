import { describe, expect, it } from 'vitest';
import { diffAgainstBase, propertyOrigins } from './origins';
import { idOf, lab } from './fixtures/lab-recorded';
import type { GlanceImage } from '../openstack/types';

const byName = (name: string): GlanceImage => lab.adminImages.find((i) => i.id === idOf(name)) as GlanceImage;

describe('propertyOrigins', () => {
  it('groups the real web-3-snap by origin', () => {
    const snap = { ...byName('web-3-snap'), glance_lineage_note: 'x', purpose: 'probe' };
    const origins = Object.fromEntries(
      propertyOrigins(snap, byName('debian-12-lab')).map((p) => [p.key, p.origin]),
    );
    expect(origins).toMatchObject({
      id: 'glance',
      os_hash_value: 'glance',
      stores: 'glance',
      os_hidden: 'glance',
      instance_uuid: 'nova',
      base_image_ref: 'nova',
      owner_id: 'nova',
      boot_roles: 'nova',
      image_type: 'nova',
      os_distro: 'inherited',
      hw_disk_bus: 'inherited',
      'owner_specified.openstack.object': 'inherited',
      glance_lineage_note: 'app',
      purpose: 'user',
    });
  });

  it('calls a property user-set when its value differs from the base', () => {
    const snap = { ...byName('web-3-snap'), os_version: '12.4' };
    const origin = propertyOrigins(snap, byName('debian-12-lab')).find((p) => p.key === 'os_version');
    expect(origin).toEqual({ key: 'os_version', value: '12.4', origin: 'user' });
  });
});

describe('diffAgainstBase', () => {
  it('lists added, changed, removed and same properties, without Glance fields', () => {
    const base = { ...byName('debian-12-lab'), hw_qemu_guest_agent: 'yes' };
    const snap = { ...byName('web-3-snap'), os_version: '12.4' };
    const diff = diffAgainstBase(snap, base);
    expect(diff.added.map((a) => a.key)).toContain('instance_uuid');
    expect(diff.changed).toEqual([{ key: 'os_version', base: '12', value: '12.4' }]);
    expect(diff.removed).toEqual([{ key: 'hw_qemu_guest_agent', base: 'yes' }]);
    expect(diff.same.map((s) => s.key)).toContain('os_distro');
    expect([...diff.added, ...diff.same].map((a) => a.key)).not.toContain('checksum');
  });
});
