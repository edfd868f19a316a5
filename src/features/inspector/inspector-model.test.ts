import { describe, expect, it } from 'vitest';
import { buildLineage } from '../../lineage';
import { adminAll, baseImage, server, snapshot } from '../../lineage/fixtures/builders';
import { inspectNode, valueText } from './inspector-model';

// debian -> web-1 -> snap-1 -> web-2 -> snap-2, and a second server booted from snap-1.
const graph = buildLineage({
  images: [
    baseImage('deb', 'debian-12'),
    snapshot('snap-1', 'web-1-snap', 'web-1', 'deb', { note: 'mine' }),
    snapshot('snap-2', 'web-2-snap', 'web-2', 'deb', { os_version: '12.5' }),
  ],
  servers: [
    server('web-1', 'web-1', 'deb'),
    server('web-2', 'web-2', 'snap-1'),
    server('web-9', 'web-9', 'snap-1'),
  ],
  viewer: adminAll,
});

describe('inspectNode', () => {
  it('lists ancestors nearest first, up to the base image', () => {
    const i = inspectNode(graph, 'snap-2');
    expect(i?.ancestors.map((n) => n.name)).toEqual(['web-2', 'web-1-snap', 'web-1', 'debian-12']);
    expect(i?.parent?.name).toBe('web-2');
    expect(i?.base?.name).toBe('debian-12');
  });

  it('splits children into servers booted from the image and other children', () => {
    const i = inspectNode(graph, 'snap-1');
    expect(i?.servers.map((n) => n.name).sort()).toEqual(['web-2', 'web-9']);
    expect(i?.children).toEqual([]);
    expect(inspectNode(graph, 'web-1')?.children.map((n) => n.name)).toEqual(['web-1-snap']);
  });

  it('groups properties by origin in the inspector order, leaving out empty groups', () => {
    const i = inspectNode(graph, 'snap-1');
    const byGroup = Object.fromEntries(i?.groups.map((g) => [g.title, g.properties.map((p) => p.key)]) ?? []);
    expect(i?.groups.map((g) => g.title)).toEqual(['Nova-set', 'Inherited', 'User-added', 'Glance']);
    expect(byGroup['Nova-set']).toEqual(
      expect.arrayContaining(['base_image_ref', 'instance_uuid', 'image_type']),
    );
    expect(byGroup.Inherited).toEqual(expect.arrayContaining(['os_distro', 'hw_disk_bus']));
    expect(byGroup['User-added']).toEqual(['note', 'owner_specified.openstack.object']);
    expect(byGroup.Glance).toEqual(expect.arrayContaining(['id', 'checksum', 'size']));
  });

  it('diffs the free-form properties against the base image', () => {
    const diff = inspectNode(graph, 'snap-2')?.diff;
    expect(diff?.changed).toContainEqual({ key: 'os_version', base: '12', value: '12.5' });
    expect(diff?.changed.map((c) => c.key)).not.toContain('os_distro');
    expect(diff?.added.map((a) => a.key)).toContain('instance_uuid');
    expect(diff?.same.map((s) => s.key)).toContain('os_distro');
  });

  it('has no base, groups or diff for a base image or a server, and nothing for an unknown id', () => {
    const deb = inspectNode(graph, 'deb');
    expect(deb?.base).toBeUndefined();
    expect(deb?.diff).toBeNull();
    expect(deb?.groups.map((g) => g.origin)).toEqual(['user', 'glance']);
    expect(inspectNode(graph, 'web-1')?.groups).toEqual([]);
    expect(inspectNode(graph, 'nope')).toBeUndefined();
  });
});

describe('valueText', () => {
  it('shows strings as they are and other values as JSON', () => {
    expect(valueText('x')).toBe('x');
    expect(valueText(12)).toBe('12');
    expect(valueText(['a'])).toBe('["a"]');
    expect(valueText(null)).toBe('null');
  });
});
