/**
 * Glance write contract: creation defaults, data upload/download, JSON-patch status codes, tags,
 * protection and deactivation, as the real Glance answers them.
 */
import { describe, expect, it } from 'vitest';
import { isOpenStackError } from '../openstack/errors';
import { GLANCE_PATCH_CONTENT_TYPE, type GlanceImage } from '../openstack/types';
import { clientsOf } from './clients';
import { imageData } from './fixtures';
import type { ContractTarget } from './target';
import { jsonBody, wire } from './wire';

export async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (isOpenStackError(e)) return e.status;
    throw e;
  }
}

export function imageWriteContract(target: ContractTarget): void {
  describe('Glance image writes', () => {
    let n = 0;
    const fresh = (extra: Record<string, unknown> = {}): Promise<GlanceImage> =>
      clientsOf(target.member).glance.createImage({
        name: `${target.prefix}write-${++n}`,
        disk_format: 'raw',
        container_format: 'bare',
        ...extra,
      });

    it('creates an image as shared (not private) when no visibility is given, queued without data', async () => {
      const img = await fresh();
      expect(img.visibility).toBe('shared');
      expect(img.status).toBe('queued');
      expect(img.owner).toBe(target.member.info().project?.id);
      expect(img.size).toBeNull();
    });

    it('answers POST /v2/images with 201, a Location header and the image links', async () => {
      const r = await wire<GlanceImage>(target.member, 'image', '/v2/images', {
        method: 'POST',
        ...jsonBody({ name: `${target.prefix}write-post`, disk_format: 'raw', container_format: 'bare' }),
      });
      expect(r.status).toBe(201);
      expect(r.headers.get('location')).toMatch(new RegExp(`/v2/images/${r.body.id}$`));
      expect(r.body).toMatchObject({
        self: `/v2/images/${r.body.id}`,
        file: `/v2/images/${r.body.id}/file`,
        schema: '/v2/schemas/image',
        os_hidden: false,
        protected: false,
        min_disk: 0,
        min_ram: 0,
        tags: [],
      });
    });

    it('answers Glance errors as JSON when asked: code "404 Not Found" and a title', async () => {
      const r = await wire<{ code: string; title: string; message: string }>(
        target.member,
        'image',
        '/v2/images/00000000-0000-0000-0000-000000000000',
      );
      expect(r.status).toBe(404);
      expect(r.body).toMatchObject({ code: '404 Not Found', title: 'Not Found' });
      expect(typeof r.body.message).toBe('string');
    });

    it('hides an os_hidden image from the default list, shows it with os_hidden=true', async () => {
      const { glance } = clientsOf(target.member);
      const img = await fresh({ os_hidden: true });
      expect((await glance.listImages({ name: img.name ?? '' })).map((i) => i.id)).toEqual([]);
      expect((await glance.listImages({ name: img.name ?? '', os_hidden: 'true' })).map((i) => i.id)).toEqual(
        [img.id],
      );
    });

    it('stores uploaded data: active, md5 checksum, sha512 hash; a second upload is 409', async () => {
      const { glance } = clientsOf(target.member);
      const img = await fresh();
      const data = imageData(2048);
      await glance.uploadData(img.id, data);
      const got = await glance.getImage(img.id);
      expect(got.status).toBe('active');
      expect(got.size).toBe(2048);
      expect(got.checksum).toMatch(/^[0-9a-f]{32}$/);
      expect(got.os_hash_algo).toBe('sha512');
      const res = await glance.downloadData(img.id);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(data);
      expect(await statusOf(glance.uploadData(img.id, data))).toBe(409);
    });

    it('answers a patch with application/json with 415 and an Accept-Patch header', async () => {
      const img = await fresh();
      const r = await wire(target.member, 'image', `/v2/images/${img.id}`, {
        method: 'PATCH',
        ...jsonBody([{ op: 'add', path: '/gl_x', value: '1' }]),
      });
      expect(r.status).toBe(415);
      expect(r.headers.get('accept-patch') ?? '').toContain('application/openstack-images-v2.1-json-patch');
    });

    it('applies add, replace and remove with 200 and the full image', async () => {
      const { glance } = clientsOf(target.member);
      const img = await fresh();
      const added = await glance.updateImage(img.id, [{ op: 'add', path: '/gl_note', value: 'one' }]);
      expect(added.gl_note).toBe('one');
      const replaced = await glance.updateImage(img.id, [{ op: 'replace', path: '/gl_note', value: 'two' }]);
      expect(replaced.gl_note).toBe('two');
      const removed = await glance.updateImage(img.id, [{ op: 'remove', path: '/gl_note' }]);
      expect(removed).not.toHaveProperty('gl_note');
      expect(removed.id).toBe(img.id);
      const raw = await wire(target.member, 'image', `/v2/images/${img.id}`, {
        method: 'PATCH',
        ...jsonBody([{ op: 'add', path: '/gl_raw', value: 'x' }], GLANCE_PATCH_CONTENT_TYPE),
      });
      expect(raw.status).toBe(200);
    });

    it('refuses removing a missing property (409), writing status (403) and a member publicizing (403)', async () => {
      const { glance } = clientsOf(target.member);
      const img = await fresh();
      expect(await statusOf(glance.updateImage(img.id, [{ op: 'remove', path: '/gl_missing' }]))).toBe(409);
      expect(
        await statusOf(glance.updateImage(img.id, [{ op: 'replace', path: '/status', value: 'active' }])),
      ).toBe(403);
      expect(
        await statusOf(glance.updateImage(img.id, [{ op: 'replace', path: '/visibility', value: 'public' }])),
      ).toBe(403);
      expect(await statusOf(glance.updateImage(img.id, [{ op: 'replace', path: '/id', value: 'x' }]))).toBe(
        403,
      );
      expect(
        await statusOf(glance.updateImage(img.id, [{ op: 'replace', path: '/os_hidden', value: 'yes' }])),
      ).toBe(400);
    });

    it('lets the owner set any free property, even image_type=snapshot', async () => {
      const { glance } = clientsOf(target.member);
      const img = await fresh();
      const got = await glance.updateImage(img.id, [{ op: 'add', path: '/image_type', value: 'snapshot' }]);
      expect(got.image_type).toBe('snapshot');
    });

    it('adds tags idempotently (204 twice), filters by tag, removes them, 404 on an unknown tag', async () => {
      const { glance } = clientsOf(target.member);
      const img = await fresh();
      const tag = `${target.prefix}tag`;
      await glance.addTag(img.id, tag);
      await glance.addTag(img.id, tag);
      expect((await glance.getImage(img.id)).tags).toEqual([tag]);
      expect((await glance.listImages({ tag })).map((i) => i.id)).toEqual([img.id]);
      const again = await wire(target.member, 'image', `/v2/images/${img.id}/tags/${tag}`, { method: 'PUT' });
      expect(again.status).toBe(204);
      await glance.removeTag(img.id, tag);
      expect((await glance.getImage(img.id)).tags).toEqual([]);
      expect(await statusOf(glance.removeTag(img.id, 'gl-never-set'))).toBe(404);
      expect(await statusOf(glance.addTag('00000000-0000-0000-0000-000000000000', tag))).toBe(404);
    });

    it('refuses to delete a protected image (403) until it is unprotected', async () => {
      const { glance } = clientsOf(target.member);
      const img = await fresh({ protected: true });
      expect(img.protected).toBe(true);
      expect(await statusOf(glance.deleteImage(img.id))).toBe(403);
      await glance.updateImage(img.id, [{ op: 'replace', path: '/protected', value: false }]);
      await glance.deleteImage(img.id);
      expect(await statusOf(glance.getImage(img.id))).toBe(404);
      expect(await statusOf(glance.deleteImage(img.id))).toBe(404);
    });

    it('refuses downloads of a deactivated image (403) and serves them again after reactivation', async () => {
      const { glance } = clientsOf(target.member);
      const img = await fresh();
      await glance.uploadData(img.id, imageData(512));
      await glance.deactivate(img.id);
      expect((await glance.getImage(img.id)).status).toBe('deactivated');
      expect(await statusOf(glance.downloadData(img.id))).toBe(403);
      await glance.reactivate(img.id);
      expect((await glance.getImage(img.id)).status).toBe('active');
      const res = await glance.downloadData(img.id);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    });
  });
}
