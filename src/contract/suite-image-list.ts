/**
 * Glance list contract: pagination (1,000 per page, relative `next` links, bad markers), property filters
 * and sorting, as LAB-NOTES records them for the real Glance.
 */
import { describe, expect, it } from 'vitest';
import type { GlanceImageList } from '../openstack/types';
import { clientsOf } from './clients';
import { ensureMoreThanOnePage, PAGE_MAX } from './fixtures';
import type { ContractTarget } from './target';
import { wire } from './wire';

export function imageListContract(target: ContractTarget): void {
  describe('Glance image lists', () => {
    const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
    const runFilter = () => {
      const p = target.fixtures().sortable.property;
      return { [p.key]: p.value };
    };

    it('serves at most 1,000 images per page with a relative next link while more exist', async () => {
      const { visibleToAdmin } = await ensureMoreThanOnePage(clientsOf(target.admin), target.prefix);
      expect(visibleToAdmin).toBeGreaterThan(PAGE_MAX);
      const first = await wire<GlanceImageList>(target.admin, 'image', `/v2/images?limit=${PAGE_MAX}`);
      expect(first.status).toBe(200);
      expect(first.body.images).toHaveLength(PAGE_MAX);
      expect(first.body.next).toMatch(/^\/v2\/images\?/);
      const capped = await wire<GlanceImageList>(target.admin, 'image', '/v2/images?limit=5000');
      expect(capped.body.images).toHaveLength(PAGE_MAX);
    });

    it('serves 25 images per page when no limit is given', async () => {
      const r = await wire<GlanceImageList>(target.admin, 'image', '/v2/images');
      expect(r.body.images).toHaveLength(25);
      expect(new URL(r.body.next ?? '', 'http://x').searchParams.get('marker')).toBe(r.body.images[24]?.id);
    });

    it('walks every page once through the client: no image twice, none missing', async () => {
      const { glance } = clientsOf(target.admin);
      const walked: { id: string; name: string | null }[] = [];
      let pages = 0;
      for await (const page of glance.pages({ limit: String(PAGE_MAX) })) {
        pages++;
        walked.push(...page);
      }
      const ids = walked.map((i) => i.id);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(new Set(ids).size).toBe(ids.length);
      // Other users may add or delete images meanwhile (a shared cloud): compare only this run's images.
      const f = target.fixtures();
      const ours = (list: { id: string; name: string | null }[]) =>
        new Set(list.filter((i) => i.name?.startsWith(f.prefix)).map((i) => i.id));
      expect(ours(await glance.listImages())).toEqual(ours(walked));
      expect(ids).toEqual(
        expect.arrayContaining([f.base.id, ...f.chain.snapshots, f.otherProject.privateId]),
      );
    });

    it('lists oldest first in exactly the reverse of the default order, ties in created_at included', async () => {
      // The client walks a big listing from both ends at once (glance-both-ends.ts); that is only sound
      // while Glance breaks created_at ties by id in the one direction given.
      const { glance } = clientsOf(target.admin);
      const walk = async (query: Record<string, string>) => {
        const seen: { id: string; created: string }[] = [];
        for await (const page of glance.pages({ limit: String(PAGE_MAX), ...query }))
          for (const i of page) seen.push({ id: i.id, created: i.created_at });
        return seen;
      };
      const newest = await walk({ sort_key: 'created_at', sort_dir: 'desc' });
      const oldest = await walk({ sort_key: 'created_at', sort_dir: 'asc' });
      // Others may add or delete images meanwhile (a shared cloud): compare the images in both walks.
      const inBoth = new Set(oldest.map((x) => x.id));
      const common = newest.filter((x) => inBoth.has(x.id));
      const inNewest = new Set(common.map((x) => x.id));
      expect(common.length).toBeGreaterThan(PAGE_MAX);
      const ties = common.filter((x, i) => i > 0 && common[i - 1]?.created === x.created).length;
      expect(ties).toBeGreaterThan(0);
      expect(oldest.filter((x) => inNewest.has(x.id)).map((x) => x.id)).toEqual(
        common.map((x) => x.id).reverse(),
      );
    });

    it('answers limit=2 with a relative next link carrying the marker, and none on the last page', async () => {
      const first = await wire<GlanceImageList>(
        target.member,
        'image',
        `/v2/images?${q({ ...runFilter(), limit: '2' })}`,
      );
      expect(first.status).toBe(200);
      expect(first.body.images).toHaveLength(2);
      const last = first.body.images[1];
      expect(first.body.next).toMatch(/^\/v2\/images\?/);
      const next = new URL(first.body.next ?? '', 'http://x');
      expect(next.searchParams.get('limit')).toBe('2');
      expect(next.searchParams.get('marker')).toBe(last?.id);
      const second = await wire<GlanceImageList>(target.member, 'image', first.body.next ?? '');
      expect(second.body.images).toHaveLength(1);
      expect(second.body.next).toBeUndefined();
      expect(first.body.first).toMatch(/^\/v2\/images\?/);
    });

    it('rejects an unknown marker and a non-numeric limit with 400', async () => {
      const marker = await wire(
        target.member,
        'image',
        '/v2/images?marker=00000000-0000-0000-0000-000000000000',
      );
      expect(marker.status).toBe(400);
      const limit = await wire(target.member, 'image', '/v2/images?limit=abc');
      expect(limit.status).toBe(400);
    });

    it('filters by any custom property, exactly', async () => {
      const f = target.fixtures();
      const { glance } = clientsOf(target.member);
      const mine = await glance.listImages(runFilter());
      expect(mine.map((i) => i.id).sort()).toEqual([...f.sortable.ids].sort());
      const snaps = await glance.listImages({
        image_type: 'snapshot',
        instance_uuid: f.chain.servers[1] ?? '',
      });
      expect(snaps.map((i) => i.id)).toEqual([f.chain.snapshots[1]]);
      const distro = await glance.listImages({ os_distro: 'debian', gl_contract: 'chain' });
      expect(distro.map((i) => i.id).sort()).toEqual([...f.chain.snapshots].sort());
    });

    it('filters by name and name=in:', async () => {
      const f = target.fixtures();
      const { glance } = clientsOf(target.member);
      const [a, b] = [f.sortable.names[1] ?? '', f.sortable.names[0] ?? ''];
      expect((await glance.listImages({ name: a })).map((i) => i.name)).toEqual([a]);
      const both = await glance.listImages({ name: `in:${a},${b}` });
      expect(both.map((i) => i.name).sort()).toEqual([a, b].sort());
    });

    it('sorts by sort_key/sort_dir and by sort=key:dir, created_at desc by default', async () => {
      const f = target.fixtures();
      const names = async (extra: Record<string, string>) =>
        (
          await wire<GlanceImageList>(target.member, 'image', `/v2/images?${q({ ...runFilter(), ...extra })}`)
        ).body.images.map((i) => i.name);
      const sorted = [...f.sortable.names].sort();
      expect(await names({ sort_key: 'name', sort_dir: 'asc' })).toEqual(sorted);
      expect(await names({ sort_key: 'name', sort_dir: 'desc' })).toEqual([...sorted].reverse());
      expect(await names({ sort: 'name:desc' })).toEqual([...sorted].reverse());
      const byCreated = (await wire<GlanceImageList>(target.member, 'image', `/v2/images?${q(runFilter())}`))
        .body.images;
      const stamps = byCreated.map((i) => i.created_at);
      expect(stamps).toEqual([...stamps].sort().reverse());
    });

    it('rejects an unknown sort key with 400', async () => {
      const r = await wire(target.member, 'image', '/v2/images?sort_key=bogus');
      expect(r.status).toBe(400);
    });
  });
}
