import { describe, expect, it } from 'vitest';
import { createSimulator, DEMO_IDS, PROJECT_IDS, SIM_ORIGIN } from './index';
import { body, glance, login, patchImage, type WireImageList } from './test-kit';

async function list(path: string, user: 'admin' | 'demo' | 'alt' | 'auditor' = 'demo') {
  const sim = createSimulator({ scenario: 'demo' });
  const t = await login(sim, user);
  const res = await glance(sim, t, path);
  return { res, sim, t, json: res.status === 200 ? await body<WireImageList>(res) : undefined };
}

const names = (l?: WireImageList): (string | null)[] => (l?.images ?? []).map((i) => i.name);

describe('glance image list', () => {
  it('pages by 25 by default, with first/schema and a relative next link carrying the marker', async () => {
    const { json } = await list('/v2/images', 'admin');
    expect(json!.images).toHaveLength(25);
    expect(json!.first).toBe('/v2/images');
    expect(json!.schema).toBe('/v2/schemas/images');
    expect(json!.next).toBe(`/v2/images?marker=${json!.images[24]!.id}`);
  });

  it('follows next links to the end; the last short page has no next, and no image repeats', async () => {
    const sim = createSimulator({ scenario: 'demo' });
    const t = await login(sim, 'admin');
    const seen: string[] = [];
    let path: string | undefined = '/v2/images?limit=7&sort_key=name&sort_dir=asc';
    let pages = 0;
    while (path) {
      const page: WireImageList = await body<WireImageList>(await glance(sim, t, path));
      seen.push(...page.images.map((i) => i.id));
      path = page.next;
      pages++;
      if (path) expect(path).toMatch(/^\/v2\/images\?limit=7&sort_key=name&sort_dir=asc&marker=/);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seen.length / 7) + (seen.length % 7 === 0 ? 1 : 0));
    expect(seen.length).toBeGreaterThan(50);
  });

  it('like Glance, gives a next link on any full page, even when the following page is empty', async () => {
    const sim = createSimulator({ scenario: 'empty' });
    const t = await login(sim, 'demo');
    for (const name of ['a', 'b'])
      await glance(sim, t, '/v2/images', { method: 'POST', body: JSON.stringify({ name }) });
    const page = await body<WireImageList>(await glance(sim, t, '/v2/images?limit=2'));
    expect(page.next).toBeDefined();
    const last = await body<WireImageList>(await glance(sim, t, page.next!));
    expect(last.images).toEqual([]);
    expect(last.next).toBeUndefined();
  });

  it('caps limit at 1000 and rejects a non-integer limit', async () => {
    const { json } = await list('/v2/images?limit=5000', 'admin');
    expect(json!.next).toBeUndefined();
    const bad = await list('/v2/images?limit=abc');
    expect(bad.res.status).toBe(400);
  });

  it('answers an unknown marker with 400 and the recorded body', async () => {
    const { res } = await list('/v2/images?marker=00000000-0000-0000-0000-000000000000');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: '400 Bad Request',
      message: 'No image found with ID 00000000-0000-0000-0000-000000000000<br /><br />\n\n\n',
      title: 'Bad Request',
    });
  });

  it('sorts by created_at desc by default, and by sort_key/sort_dir or sort=', async () => {
    const d = await list('/v2/images?limit=1000');
    const created = d.json!.images.map((i) => i.created_at as string);
    expect([...created].sort().reverse()).toEqual(created);
    const asc = await list('/v2/images?limit=1000&sort_key=created_at&sort_dir=asc');
    expect(asc.json!.images[0]!.created_at).toBe(created[created.length - 1]);
    const byName = await list('/v2/images?limit=1000&sort=name:asc,created_at:desc');
    const n = names(byName.json) as string[];
    expect(n).toEqual([...n].sort());
  });

  it('rejects an unknown sort key with the allowed keys', async () => {
    const { res } = await list('/v2/images?sort_key=bogus');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe(
      'Invalid sort key: bogus. It must be one of the following: name, status, container_format, disk_format, size, id, created_at, updated_at.<br /><br />\n\n\n',
    );
  });

  it('filters by name, name=in:, status, owner, tag (repeatable), size and dates', async () => {
    expect(names((await list('/v2/images?name=web-2-snap')).json)).toEqual(['web-2-snap']);
    expect(names((await list('/v2/images?name=in:web-1-snap,"web-3-snap"&sort=name:asc')).json)).toEqual([
      'web-1-snap',
      'web-3-snap',
    ]);
    expect(names((await list('/v2/images?status=queued')).json)).toEqual(['demo-empty']);
    expect(names((await list('/v2/images?tag=nightly&tag=release-candidate')).json)).toEqual(['web-3-snap']);
    const alt = (await list(`/v2/images?owner=${PROJECT_IDS.alt}&limit=1000`, 'admin')).json!;
    expect(alt.images.every((i) => i.owner === PROJECT_IDS.alt)).toBe(true);
    const big = (await list('/v2/images?size_min=600000&limit=1000')).json!;
    expect(big.images.every((i) => (i.size as number) >= 600000)).toBe(true);
    expect(big.images.length).toBeGreaterThan(0);
    const recent = (await list('/v2/images?created_at=gt:2026-06-01T00:00:00Z&limit=1000')).json!;
    expect(recent.images.every((i) => (i.created_at as string) > '2026-06-01')).toBe(true);
    expect(recent.images.length).toBeGreaterThan(0);
  });

  it('filters on any custom property given as a query parameter', async () => {
    const snaps = (await list('/v2/images?image_type=snapshot&limit=1000')).json!;
    expect(snaps.images.length).toBeGreaterThan(10);
    expect(snaps.images.every((i) => i.image_type === 'snapshot')).toBe(true);
    expect(names((await list('/v2/images?os_distro=cirros&visibility=public')).json)).toEqual(['cirros-0.6']);
    expect(
      names(
        (
          await list(
            `/v2/images?base_image_ref=${DEMO_IDS.debian12}&sort=name:asc&name=in:web-1-snap,web-2-snap,web-3-snap`,
          )
        ).json,
      ),
    ).toEqual(['web-1-snap', 'web-2-snap', 'web-3-snap']);
  });

  it('default member list: own + public + accepted shared; not community, not hidden, not pending shares', async () => {
    const all = names((await list('/v2/images?limit=1000')).json);
    expect(all).toContain('web-1-snap');
    expect(all).toContain('debian-12');
    expect(all).not.toContain('alpine-community');
    expect(all).not.toContain('cirros-0.5-old');
    expect(all).not.toContain('ops-backup-db-1');
    expect(all).not.toContain('alt-app-1-snap');
    expect(names((await list('/v2/images?visibility=community&limit=1000')).json)).toContain(
      'alpine-community',
    );
    expect(names((await list('/v2/images?os_hidden=true')).json)).toEqual(['cirros-0.5-old']);
    expect(names((await list('/v2/images?member_status=all&limit=1000')).json)).toContain('ops-backup-db-1');
    expect(names((await list('/v2/images?visibility=all&limit=1000')).json)).toContain('alpine-community');
  });

  it("admins list every project's images (community included, hidden excluded)", async () => {
    const all = names((await list('/v2/images?limit=1000', 'admin')).json);
    expect(all).toContain('alt-app-1-snap');
    expect(all).toContain('ops-backup-db-1');
    expect(all).toContain('alpine-community');
    expect(all).not.toContain('cirros-0.5-old');
  });

  it("hides another project's private image: 404 by id, with the Glance JSON body", async () => {
    const { sim, t } = await list('/v2/images?limit=1');
    const res = await glance(sim, t, `/v2/images/${DEMO_IDS.altApp1Snap}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-openstack-request-id')).toMatch(/^req-[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({
      code: '404 Not Found',
      message: `No image found with ID ${DEMO_IDS.altApp1Snap}<br /><br />\n\n\n`,
      title: 'Not Found',
    });
  });

  it('answers errors in HTML when the client does not accept JSON', async () => {
    const sim = createSimulator({ scenario: 'demo' });
    const t = await login(sim, 'demo');
    const res = await sim.fetch(`${SIM_ORIGIN}/image/v2/images/00000000-0000-0000-0000-000000000000`, {
      headers: { 'X-Auth-Token': t },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<h1>404 Not Found</h1>');
  });

  it('lets the instance project GET a pending admin share by id', async () => {
    const { sim, t } = await list('/v2/images?limit=1');
    const res = await glance(sim, t, `/v2/images/${DEMO_IDS.opsBackupDb1}`);
    expect(res.status).toBe(200);
  });

  it('lists an image as a GET by id shows it, and a change shows in the next listing (the page text is cached)', async () => {
    const sim = createSimulator({ scenario: 'demo' });
    const t = await login(sim, 'admin');
    const before = await body<WireImageList>(await glance(sim, t, '/v2/images?limit=1000'));
    const one = before.images[3]!;
    expect(one).toEqual(await body(await glance(sim, t, `/v2/images/${one.id}`)));
    const patched = await patchImage(sim, t, one.id, [
      { op: 'replace', path: '/name', value: 'renamed <b>' },
    ]);
    expect(patched.status).toBe(200);
    const after = await body<WireImageList>(await glance(sim, t, '/v2/images?limit=1000'));
    const again = after.images.find((i) => i.id === one.id)!;
    expect(again.name).toBe('renamed <b>');
    expect(again).toEqual(await body(await glance(sim, t, `/v2/images/${one.id}`)));
    expect(after.images.map((i) => i.id).sort()).toEqual(before.images.map((i) => i.id).sort());
  });
});
