import { describe, expect, it } from 'vitest';
import { createSimulator, DEMO_IDS, manualClock, PROJECT_IDS, SIM_ORIGIN, USER_IDS } from './index';
import { body, glance, login, nova, type WireImage, type WireServer } from './test-kit';

async function setup() {
  const clock = manualClock();
  const sim = createSimulator({ scenario: 'demo', clock });
  return { sim, clock, demo: await login(sim, 'demo'), admin: await login(sim, 'admin') };
}

const action = (
  sim: ReturnType<typeof createSimulator>,
  t: string,
  id: string,
  payload: unknown,
  mv = '2.92',
) => nova(sim, t, `/servers/${id}/action`, { method: 'POST', body: JSON.stringify(payload) }, mv);

const image = async (sim: ReturnType<typeof createSimulator>, t: string, id: string) =>
  body<WireImage>(await glance(sim, t, `/v2/images/${id}`));
const server = async (sim: ReturnType<typeof createSimulator>, t: string, id: string) =>
  (await body<{ server: WireServer }>(await nova(sim, t, `/servers/${id}`))).server;

describe('nova snapshots', () => {
  it("createImage: 202 with image_id (>= 2.45), queued → saving → active over 3 s, exactly Nova's property set", async () => {
    const { sim, clock, demo } = await setup();
    const res = await action(sim, demo, DEMO_IDS.web3, {
      createImage: { name: 'web-3-snap-2', metadata: { purpose: 'probe' } },
    });
    expect(res.status).toBe(202);
    const { image_id } = await body<{ image_id: string }>(res);
    expect((await image(sim, demo, image_id)).status).toBe('queued');
    expect((await server(sim, demo, DEMO_IDS.web3))['OS-EXT-STS:task_state']).toBe('image_snapshot_pending');
    clock.advance(1000);
    expect((await image(sim, demo, image_id)).status).toBe('saving');
    clock.advance(2000);
    const img = await image(sim, demo, image_id);
    expect(img.status).toBe('active');
    expect((await server(sim, demo, DEMO_IDS.web3))['OS-EXT-STS:task_state']).toBeNull();
    const core = new Set([
      'checksum',
      'container_format',
      'created_at',
      'disk_format',
      'file',
      'id',
      'min_disk',
      'min_ram',
      'name',
      'os_hash_algo',
      'os_hash_value',
      'os_hidden',
      'owner',
      'protected',
      'schema',
      'self',
      'size',
      'status',
      'tags',
      'updated_at',
      'virtual_size',
      'visibility',
      'stores',
    ]);
    const props = Object.fromEntries(Object.entries(img).filter(([k]) => !core.has(k)));
    expect(props).toEqual({
      // inherited from the boot image (web-2-snap, itself inheriting from debian-12)
      os_distro: 'debian',
      os_version: '12',
      hw_disk_bus: 'virtio',
      'owner_specified.openstack.md5': '',
      'owner_specified.openstack.sha256': '',
      'owner_specified.openstack.object': 'images/debian-12',
      base_image_ref: DEMO_IDS.debian12,
      // nova-api
      instance_uuid: DEMO_IDS.web3,
      user_id: USER_IDS.demo,
      image_type: 'snapshot',
      owner_project_name: 'demo',
      owner_user_name: 'demo',
      boot_roles: 'reader,member',
      purpose: 'probe',
      // virt driver
      image_location: 'snapshot',
      image_state: 'available',
      owner_id: PROJECT_IDS.demo,
    });
    expect(img).toMatchObject({
      visibility: 'private',
      owner: PROJECT_IDS.demo,
      min_disk: 20,
      disk_format: 'qcow2',
      container_format: 'bare',
    });
  });

  it('keeps base_image_ref = the root through every generation of the demo chain', async () => {
    const { sim, demo } = await setup();
    for (const id of [DEMO_IDS.web1Snap, DEMO_IDS.web2Snap, DEMO_IDS.web3Snap]) {
      expect((await image(sim, demo, id)).base_image_ref).toBe(DEMO_IDS.debian12);
    }
    expect((await server(sim, demo, DEMO_IDS.web3)).image).toMatchObject({ id: DEMO_IDS.web2Snap });
    expect((await server(sim, demo, DEMO_IDS.web2)).image).toMatchObject({ id: DEMO_IDS.web1Snap });
  });

  it('drops non-inheritable properties (img_signature*, cache_in_nova)', async () => {
    const { sim, demo } = await setup();
    const snap = await image(sim, demo, DEMO_IDS.demoWinSnap);
    expect(snap.os_type).toBe('windows');
    expect(Object.keys(snap).filter((k) => k.startsWith('img_signature'))).toEqual([]);
  });

  it('answers with a Location and no body below 2.45', async () => {
    const { sim, demo } = await setup();
    const res = await action(sim, demo, DEMO_IDS.web1, { createImage: { name: 'old-style' } }, '2.1');
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('');
    expect(res.headers.get('location')).toMatch(new RegExp(`^${SIM_ORIGIN}/image/images/[0-9a-f-]{36}$`));
  });

  it('refuses a second createImage while one runs, and createImage on SHELVED_OFFLOADED', async () => {
    const { sim, demo } = await setup();
    expect((await action(sim, demo, DEMO_IDS.web1, { createImage: { name: 'a' } })).status).toBe(202);
    const second = await action(sim, demo, DEMO_IDS.web1, { createImage: { name: 'b' } });
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({
      conflictingRequest: {
        code: 409,
        message: `Cannot 'createImage' instance ${DEMO_IDS.web1} while it is in task_state image_snapshot_pending`,
      },
    });
    const off = await action(sim, demo, DEMO_IDS.batch2, { createImage: { name: 'c' } });
    expect(off.status).toBe(409);
    expect(
      ((await off.json()) as { conflictingRequest: { message: string } }).conflictingRequest.message,
    ).toBe(`Cannot 'createImage' instance ${DEMO_IDS.batch2} while it is in vm_state shelved_offloaded`);
  });

  it('shelve → SHELVED with a <name>-shelved snapshot; offload is admin-only; unshelve deletes the image', async () => {
    const { sim, clock, demo, admin } = await setup();
    expect((await action(sim, demo, DEMO_IDS.web1, { shelve: null })).status).toBe(202);
    clock.advance(3000);
    const s = await server(sim, demo, DEMO_IDS.web1);
    expect(s.status).toBe('SHELVED');
    const shelved = (
      await body<{ images: WireImage[] }>(await glance(sim, demo, '/v2/images?name=web-1-shelved'))
    ).images;
    expect(shelved).toHaveLength(1);
    expect(shelved[0]).toMatchObject({
      image_type: 'snapshot',
      instance_uuid: DEMO_IDS.web1,
      status: 'active',
    });
    const denied = await action(sim, demo, DEMO_IDS.web1, { shelveOffload: null });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({
      forbidden: {
        code: 403,
        message: "Policy doesn't allow os_compute_api:os-shelve:shelve_offload to be performed.",
      },
    });
    expect((await action(sim, admin, DEMO_IDS.web1, { shelveOffload: null })).status).toBe(202);
    expect((await server(sim, demo, DEMO_IDS.web1)).status).toBe('SHELVED_OFFLOADED');
    expect((await action(sim, demo, DEMO_IDS.web1, { unshelve: null })).status).toBe(202);
    clock.advance(2000);
    expect((await server(sim, demo, DEMO_IDS.web1)).status).toBe('ACTIVE');
    expect((await glance(sim, demo, `/v2/images/${shelved[0]!.id}`)).status).toBe(404);
    expect(sim.deletedImageIds()).toEqual([shelved[0]!.id]);
  });

  it('deleting a shelved server deletes its -shelved image; a user snapshot stays with a dangling instance_uuid', async () => {
    const { sim, demo } = await setup();
    expect((await nova(sim, demo, `/servers/${DEMO_IDS.batch2}`, { method: 'DELETE' })).status).toBe(204);
    expect((await glance(sim, demo, `/v2/images/${DEMO_IDS.batch2Shelved}`)).status).toBe(404);
    expect((await nova(sim, demo, `/servers/${DEMO_IDS.web3}`, { method: 'DELETE' })).status).toBe(204);
    expect((await image(sim, demo, DEMO_IDS.web3Snap)).instance_uuid).toBe(DEMO_IDS.web3);
    expect(sim.deletedImageIds()).toEqual([DEMO_IDS.batch2Shelved]);
  });

  it("admin snapshot of another project's server: owner admin, shared, instance project a pending member", async () => {
    const { sim, clock, demo, admin } = await setup();
    const res = await action(sim, admin, DEMO_IDS.web2, { createImage: { name: 'ops-web-2' } });
    const { image_id } = await body<{ image_id: string }>(res);
    clock.advance(3000);
    const img = await image(sim, admin, image_id);
    expect(img).toMatchObject({
      owner: PROJECT_IDS.admin,
      visibility: 'shared',
      owner_id: PROJECT_IDS.demo,
      owner_project_name: 'demo',
      owner_user_name: 'demo',
      user_id: USER_IDS.admin,
    });
    const members = await body<{ members: { member_id: string; status: string }[] }>(
      await glance(sim, admin, `/v2/images/${image_id}/members`),
    );
    expect(members.members).toEqual([
      expect.objectContaining({ member_id: PROJECT_IDS.demo, status: 'pending' }),
    ]);
    expect((await glance(sim, demo, `/v2/images/${image_id}`)).status).toBe(200);
    const listed = (
      await body<{ images: WireImage[] }>(await glance(sim, demo, '/v2/images?limit=1000'))
    ).images.map((i) => i.id);
    expect(listed).not.toContain(image_id);
  });

  it('a volume-backed server snapshots to a 0-byte image with block_device_mapping and no instance_uuid', async () => {
    const { sim, demo } = await setup();
    const img = await image(sim, demo, DEMO_IDS.vol1Snap);
    expect(img).toMatchObject({ size: 0, status: 'active', bdm_v2: 'True', root_device_name: '/dev/vda' });
    expect(img.instance_uuid).toBeUndefined();
    expect(JSON.parse(img.block_device_mapping as string)).toEqual([
      expect.objectContaining({ boot_index: 0, source_type: 'snapshot', destination_type: 'volume' }),
    ]);
  });
});
