import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSimulator, DEMO_IDS, PROJECT_IDS, SIM_ORIGIN } from './index';
import { body, glance, login, patchImage, type WireImage } from './test-kit';

async function setup(user: 'admin' | 'demo' | 'auditor' = 'demo') {
  const sim = createSimulator({ scenario: 'demo' });
  return { sim, t: await login(sim, user) };
}

async function create(sim: ReturnType<typeof createSimulator>, t: string, fields: Record<string, unknown>) {
  return glance(sim, t, '/v2/images', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fields),
  });
}

const upload = (sim: ReturnType<typeof createSimulator>, t: string, id: string, data: BodyInit) =>
  glance(sim, t, `/v2/images/${id}/file`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: data,
  });

describe('glance image writes', () => {
  it('creates a queued image: 201, Location, default visibility shared, owner = caller project', async () => {
    const { sim, t } = await setup();
    const res = await create(sim, t, {
      name: 'new',
      disk_format: 'qcow2',
      container_format: 'bare',
      purpose: 'test',
    });
    expect(res.status).toBe(201);
    const img = await body<WireImage>(res);
    expect(res.headers.get('location')).toBe(`${SIM_ORIGIN}/image/v2/images/${img.id}`);
    expect(img).toMatchObject({
      status: 'queued',
      visibility: 'shared',
      owner: PROJECT_IDS.demo,
      size: null,
      checksum: null,
      purpose: 'test',
    });
  });

  it('forbids members to create public images and readers to create any', async () => {
    const { sim, t } = await setup();
    const res = await create(sim, t, { name: 'pub', visibility: 'public' });
    expect(res.status).toBe(403);
    const reader = await login(sim, 'auditor');
    expect((await create(sim, reader, { name: 'x' })).status).toBe(403);
    const admin = await login(sim, 'admin');
    expect((await create(sim, admin, { name: 'pub', visibility: 'public' })).status).toBe(201);
  });

  it('uploads data: 204, active, size, md5 checksum, sha512; a second upload is 409', async () => {
    const { sim, t } = await setup();
    const img = await body<WireImage>(
      await create(sim, t, { name: 'up', disk_format: 'raw', container_format: 'bare' }),
    );
    const data = new TextEncoder().encode('hello glance');
    expect((await upload(sim, t, img.id, data)).status).toBe(204);
    const got = await body<WireImage>(await glance(sim, t, `/v2/images/${img.id}`));
    expect(got).toMatchObject({
      status: 'active',
      size: data.byteLength,
      checksum: createHash('md5').update(data).digest('hex'),
      os_hash_algo: 'sha512',
      os_hash_value: createHash('sha512').update(data).digest('hex'),
    });
    expect((await upload(sim, t, img.id, data)).status).toBe(409);
  });

  it('streams a request body given as a ReadableStream', async () => {
    const { sim, t } = await setup();
    const img = await body<WireImage>(
      await create(sim, t, { name: 'stream', disk_format: 'raw', container_format: 'bare' }),
    );
    const chunks = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])];
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        chunks.forEach((ch) => c.enqueue(ch));
        c.close();
      },
    });
    expect((await upload(sim, t, img.id, stream)).status).toBe(204);
    const file = await glance(sim, t, `/v2/images/${img.id}/file`);
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([1, 2, 3, 4, 5]);
  });

  it('downloads data with Content-MD5; 204 without data; 403 when deactivated', async () => {
    const { sim, t } = await setup();
    const file = await glance(sim, t, `/v2/images/${DEMO_IDS.web1Snap}/file`);
    expect(file.status).toBe(200);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(file.headers.get('content-md5')).toBe(createHash('md5').update(bytes).digest('hex'));
    expect((await glance(sim, t, `/v2/images/${DEMO_IDS.demoEmpty}/file`)).status).toBe(204);
    const deact = await glance(sim, t, `/v2/images/${DEMO_IDS.debian11Deactivated}/file`);
    expect(deact.status).toBe(403);
  });

  it('deactivates and reactivates (owner), then downloads again', async () => {
    const { sim, t } = await setup();
    const id = DEMO_IDS.demoToolsRaw;
    expect((await glance(sim, t, `/v2/images/${id}/actions/deactivate`, { method: 'POST' })).status).toBe(
      204,
    );
    expect((await body<WireImage>(await glance(sim, t, `/v2/images/${id}`))).status).toBe('deactivated');
    expect((await glance(sim, t, `/v2/images/${id}/file`)).status).toBe(403);
    expect((await glance(sim, t, `/v2/images/${id}/actions/reactivate`, { method: 'POST' })).status).toBe(
      204,
    );
    expect((await glance(sim, t, `/v2/images/${id}/file`)).status).toBe(200);
  });

  it('answers a patch with the wrong content type with 415 and Accept-Patch', async () => {
    const { sim, t } = await setup();
    const res = await patchImage(
      sim,
      t,
      DEMO_IDS.web1Snap,
      [{ op: 'add', path: '/x', value: 'y' }],
      'application/json',
    );
    expect(res.status).toBe(415);
    expect(res.headers.get('accept-patch')).toBe(
      'application/openstack-images-v2.0-json-patch, application/openstack-images-v2.1-json-patch',
    );
    expect(await res.json()).toEqual({
      code: '415 Unsupported Media Type',
      message: 'The request media type application/json is not supported by this server.\n<br /><br />\n',
      title: 'Unsupported Media Type',
    });
  });

  it('answers removing a missing property with 409 and the recorded message', async () => {
    const { sim, t } = await setup();
    const res = await patchImage(sim, t, DEMO_IDS.web1Snap, [{ op: 'remove', path: '/no_such_property' }]);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { message: string }).message).toBe(
      'There was a conflict when trying to complete your request.<br /><br />\nProperty no_such_property does not exist.\n\n',
    );
  });

  it('refuses read-only attributes with 403', async () => {
    const { sim, t } = await setup();
    for (const attr of ['status', 'id', 'checksum', 'size', 'created_at']) {
      const res = await patchImage(sim, t, DEMO_IDS.web1Snap, [
        { op: 'replace', path: `/${attr}`, value: 'x' },
      ]);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { message: string }).message).toBe(
        `Attribute '${attr}' is read-only.<br /><br />\n\n\n`,
      );
    }
  });

  it('applies add/replace/remove atomically and returns the full image', async () => {
    const { sim, t } = await setup();
    const res = await patchImage(sim, t, DEMO_IDS.web3Snap, [
      { op: 'add', path: '/image_type', value: 'golden' },
      { op: 'remove', path: '/instance_uuid' },
      { op: 'replace', path: '/name', value: 'web-golden' },
      { op: 'add', path: '/glance_lineage_source_image', value: DEMO_IDS.web2Snap },
    ]);
    expect(res.status).toBe(200);
    const img = await body<WireImage>(res);
    expect(img).toMatchObject({
      name: 'web-golden',
      image_type: 'golden',
      glance_lineage_source_image: DEMO_IDS.web2Snap,
    });
    expect(img.instance_uuid).toBeUndefined();
    const failed = await patchImage(sim, t, DEMO_IDS.web3Snap, [
      { op: 'replace', path: '/name', value: 'not-applied' },
      { op: 'remove', path: '/missing' },
    ]);
    expect(failed.status).toBe(409);
    expect((await body<WireImage>(await glance(sim, t, `/v2/images/${DEMO_IDS.web3Snap}`))).name).toBe(
      'web-golden',
    );
  });

  it('forbids a member to make an image public, and non-string property values', async () => {
    const { sim, t } = await setup();
    expect(
      (await patchImage(sim, t, DEMO_IDS.web3Snap, [{ op: 'replace', path: '/visibility', value: 'public' }]))
        .status,
    ).toBe(403);
    expect((await patchImage(sim, t, DEMO_IDS.web3Snap, [{ op: 'add', path: '/n', value: 3 }])).status).toBe(
      400,
    );
  });

  it("forbids modifying another project's visible image", async () => {
    const { sim, t } = await setup();
    expect((await patchImage(sim, t, DEMO_IDS.cirros, [{ op: 'add', path: '/x', value: 'y' }])).status).toBe(
      403,
    );
    expect((await glance(sim, t, `/v2/images/${DEMO_IDS.cirros}`, { method: 'DELETE' })).status).toBe(403);
  });

  it('adds tags (idempotent 204) and deletes them; an unknown tag is 404', async () => {
    const { sim, t } = await setup();
    const p = `/v2/images/${DEMO_IDS.web2Snap}/tags`;
    expect((await glance(sim, t, `${p}/keep`, { method: 'PUT' })).status).toBe(204);
    expect((await glance(sim, t, `${p}/keep`, { method: 'PUT' })).status).toBe(204);
    expect((await body<WireImage>(await glance(sim, t, `/v2/images/${DEMO_IDS.web2Snap}`))).tags).toEqual([
      'nightly',
      'keep',
    ]);
    expect((await glance(sim, t, `${p}/keep`, { method: 'DELETE' })).status).toBe(204);
    const res = await glance(sim, t, `${p}/no-such-tag`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toBe(
      'The resource could not be found.<br /><br />\n\n\n',
    );
  });

  it('refuses to delete a protected image with the recorded message', async () => {
    const { sim, t } = await setup();
    const res = await glance(sim, t, `/v2/images/${DEMO_IDS.web1Snap}`, { method: 'DELETE' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe(
      `Image ${DEMO_IDS.web1Snap} is protected and cannot be deleted.<br /><br />\n\n\n`,
    );
  });

  it('deletes: 204, then 404 for GET and for a second DELETE; nothing else is touched', async () => {
    const { sim, t } = await setup();
    const before = sim.counts().images;
    expect((await glance(sim, t, `/v2/images/${DEMO_IDS.tmp1Snap}`, { method: 'DELETE' })).status).toBe(204);
    expect((await glance(sim, t, `/v2/images/${DEMO_IDS.tmp1Snap}`)).status).toBe(404);
    expect((await glance(sim, t, `/v2/images/${DEMO_IDS.tmp1Snap}`, { method: 'DELETE' })).status).toBe(404);
    expect(sim.deletedImageIds()).toEqual([DEMO_IDS.tmp1Snap]);
    expect(sim.counts().images).toBe(before - 1);
  });

  it("manages members: add pending, the member accepts, then it appears in the member's default list", async () => {
    const { sim, t } = await setup();
    const alt = await login(sim, 'alt');
    const id = DEMO_IDS.demoToolsRaw;
    const add = await glance(sim, t, `/v2/images/${id}/members`, {
      method: 'POST',
      body: JSON.stringify({ member: PROJECT_IDS.alt }),
    });
    expect(add.status).toBe(200);
    expect(await add.json()).toMatchObject({ member_id: PROJECT_IDS.alt, status: 'pending', image_id: id });
    const listed = async () =>
      (await body<{ images: WireImage[] }>(await glance(sim, alt, '/v2/images?limit=1000'))).images.map(
        (i) => i.id,
      );
    expect(await listed()).not.toContain(id);
    const acc = await glance(sim, alt, `/v2/images/${id}/members/${PROJECT_IDS.alt}`, {
      method: 'PUT',
      body: JSON.stringify({ status: 'accepted' }),
    });
    expect(acc.status).toBe(200);
    expect(await listed()).toContain(id);
  });
});
