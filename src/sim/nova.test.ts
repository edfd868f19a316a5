import { describe, expect, it } from 'vitest';
import { createSimulator, DEMO_IDS, manualClock, PROJECT_IDS, SIM_ORIGIN } from './index';
import { body, login, nova, type WireServer } from './test-kit';

type ServerList = { servers: WireServer[]; servers_links?: { href: string; rel: string }[] };

async function setup(user: 'admin' | 'demo' | 'alt' | 'auditor' = 'demo') {
  const clock = manualClock();
  const sim = createSimulator({ scenario: 'demo', clock });
  return { sim, clock, t: await login(sim, user) };
}

describe('nova', () => {
  it('echoes the microversion and request ids; no header means 2.1', async () => {
    const { sim, t } = await setup();
    const res = await nova(sim, t, '/servers');
    expect(res.headers.get('openstack-api-version')).toBe('compute 2.92');
    expect(res.headers.get('x-openstack-nova-api-version')).toBe('2.92');
    expect(res.headers.get('vary')).toContain('OpenStack-API-Version');
    const id = res.headers.get('x-openstack-request-id');
    expect(id).toMatch(/^req-/);
    expect(res.headers.get('x-compute-request-id')).toBe(id);
    const plain = await nova(sim, t, '/servers', {}, null);
    expect(plain.headers.get('openstack-api-version')).toBe('compute 2.1');
  });

  it('answers a too-high microversion with 406 and the recorded body', async () => {
    const { sim, t } = await setup();
    const res = await nova(sim, t, '/servers', {}, '2.999');
    expect(res.status).toBe(406);
    expect(await res.json()).toEqual({
      computeFault: {
        code: 406,
        message: 'Version 2.999 is not supported by the API. Minimum is 2.1 and maximum is 2.93.',
      },
    });
  });

  it("lists the member's own servers; all_tenants is admin-only", async () => {
    const { sim, t } = await setup();
    // Real Nova answers all_tenants from a member with 403 (contract: suite-servers), it does not ignore it.
    expect((await nova(sim, t, '/servers/detail?all_tenants=1')).status).toBe(403);
    const own = await body<ServerList>(await nova(sim, t, '/servers/detail'));
    expect(own.servers.every((s) => s.tenant_id === PROJECT_IDS.demo)).toBe(true);
    expect(own.servers.map((s) => s.name)).toContain('web-1');
    expect(own.servers[0]!['OS-EXT-SRV-ATTR:host']).toBeUndefined();
    const admin = await login(sim, 'admin');
    const all = await body<ServerList>(await nova(sim, admin, '/servers/detail?all_tenants=1'));
    expect(new Set(all.servers.map((s) => s.tenant_id))).toEqual(
      new Set([PROJECT_IDS.demo, PROJECT_IDS.alt, PROJECT_IDS.admin]),
    );
    const adminOwn = await body<ServerList>(await nova(sim, admin, '/servers/detail'));
    expect(adminOwn.servers.every((s) => s.tenant_id === PROJECT_IDS.admin)).toBe(true);
  });

  it('lists deleted servers only for admins asking deleted=true; members get the normal list', async () => {
    const { sim, t } = await setup();
    const admin = await login(sim, 'admin');
    const deleted = await body<ServerList>(
      await nova(sim, admin, '/servers/detail?all_tenants=1&deleted=true'),
    );
    expect(deleted.servers.map((s) => s.name).sort()).toEqual(['alt-tmp', 'test-7', 'tmp-1']);
    expect(
      deleted.servers.every((s) => s.status === 'DELETED' && s['OS-EXT-STS:vm_state'] === 'deleted'),
    ).toBe(true);
    const tmp1 = deleted.servers.find((s) => s.id === DEMO_IDS.tmp1Deleted)!;
    expect(tmp1.image).toMatchObject({ id: DEMO_IDS.cirros });
    const member = await body<ServerList>(await nova(sim, t, '/servers/detail?deleted=true'));
    expect(member.servers.some((s) => s.status === 'DELETED')).toBe(false);
    expect(member.servers.length).toBeGreaterThan(5);
  });

  it('pages with limit/marker and an absolute next href', async () => {
    const { sim, t } = await setup();
    const first = await body<ServerList>(await nova(sim, t, '/servers/detail?limit=2'));
    expect(first.servers).toHaveLength(2);
    expect(first.servers_links![0]).toEqual({
      rel: 'next',
      href: `${SIM_ORIGIN}/compute/v2.1/servers/detail?limit=2&marker=${first.servers[1]!.id}`,
    });
    const ids: string[] = [];
    let href: string | undefined = `${SIM_ORIGIN}/compute/v2.1/servers/detail?limit=4`;
    while (href) {
      const page: ServerList = await body<ServerList>(
        await sim.fetch(href, { headers: { 'X-Auth-Token': t } }),
      );
      ids.push(...page.servers.map((s) => s.id));
      href = page.servers_links?.[0]?.href;
    }
    expect(new Set(ids).size).toBe(ids.length);
    const all = await body<ServerList>(await nova(sim, t, '/servers/detail'));
    expect(ids).toEqual(all.servers.map((s) => s.id));
    const bad = await nova(sim, t, '/servers?marker=nope');
    expect(bad.status).toBe(400);
  });

  it("returns the recorded 404 body for unknown and deleted servers, and for other projects' servers", async () => {
    const { sim, t } = await setup();
    const res = await nova(sim, t, '/servers/00000000-0000-0000-0000-000000000000');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      itemNotFound: {
        code: 404,
        message: 'Instance 00000000-0000-0000-0000-000000000000 could not be found.',
      },
    });
    const admin = await login(sim, 'admin');
    expect((await nova(sim, admin, `/servers/${DEMO_IDS.tmp1Deleted}`)).status).toBe(404);
    expect((await nova(sim, t, `/servers/${DEMO_IDS.altApp1}`)).status).toBe(404);
    expect((await nova(sim, admin, `/servers/${DEMO_IDS.altApp1}`)).status).toBe(200);
  });

  it('shows a boot-from-volume server with image ""', async () => {
    const { sim, t } = await setup();
    const { server } = await body<{ server: WireServer }>(await nova(sim, t, `/servers/${DEMO_IDS.vol1}`));
    expect(server.image).toBe('');
    expect(server['os-extended-volumes:volumes_attached']).toHaveLength(1);
  });

  it('boots a server: 202, BUILD, then ACTIVE after 2 s of clock time', async () => {
    const { sim, t, clock } = await setup();
    const res = await nova(sim, t, '/servers', {
      method: 'POST',
      body: JSON.stringify({
        server: { name: 'new-1', imageRef: DEMO_IDS.cirros, flavorRef: '1', networks: 'none' },
      }),
    });
    expect(res.status).toBe(202);
    const { server } = await body<{ server: { id: string } }>(res);
    expect(res.headers.get('location')).toBe(`${SIM_ORIGIN}/compute/v2.1/servers/${server.id}`);
    const show = async () =>
      (await body<{ server: WireServer }>(await nova(sim, t, `/servers/${server.id}`))).server;
    expect((await show()).status).toBe('BUILD');
    clock.advance(1999);
    expect((await show()).status).toBe('BUILD');
    clock.advance(1);
    expect(await show()).toMatchObject({
      status: 'ACTIVE',
      image: { id: DEMO_IDS.cirros },
      'OS-EXT-STS:vm_state': 'active',
    });
  });

  it('needs microversion 2.37 for networks "none", and a visible active image', async () => {
    const { sim, t } = await setup();
    const post = (server: Record<string, unknown>, mv: string) =>
      nova(sim, t, '/servers', { method: 'POST', body: JSON.stringify({ server }) }, mv);
    expect(
      (await post({ name: 'a', imageRef: DEMO_IDS.cirros, flavorRef: '1', networks: 'none' }, '2.36')).status,
    ).toBe(400);
    expect((await post({ name: 'a', imageRef: DEMO_IDS.cirros, flavorRef: '1' }, '2.37')).status).toBe(400);
    expect(
      (await post({ name: 'a', imageRef: DEMO_IDS.altApp1Snap, flavorRef: '1', networks: 'none' }, '2.92'))
        .status,
    ).toBe(400);
    expect(
      (await post({ name: 'a', imageRef: DEMO_IDS.demoEmpty, flavorRef: '1', networks: 'none' }, '2.92'))
        .status,
    ).toBe(400);
    expect(
      (await post({ name: 'a', imageRef: DEMO_IDS.cirros, flavorRef: '1', networks: [] }, '2.1')).status,
    ).toBe(202);
  });

  it('refuses writes to a reader-only token with the policy message', async () => {
    const { sim } = await setup();
    const reader = await login(sim, 'auditor');
    const res = await nova(sim, reader, `/servers/${DEMO_IDS.web1}`, { method: 'DELETE' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      forbidden: {
        code: 403,
        message: "Policy doesn't allow os_compute_api:servers:delete to be performed.",
      },
    });
  });

  it('lists flavors m1.tiny/small/medium', async () => {
    const { sim, t } = await setup();
    const { flavors } = await body<{ flavors: { name: string; disk: number }[] }>(
      await nova(sim, t, '/flavors/detail'),
    );
    expect(flavors.map((f) => f.name)).toEqual(['m1.tiny', 'm1.small', 'm1.medium']);
  });

  it('lists changes since a time, including servers deleted after it', async () => {
    const { sim, t, clock } = await setup();
    const since = new Date(clock.now()).toISOString();
    clock.advance(1000);
    expect((await nova(sim, t, `/servers/${DEMO_IDS.app3}`, { method: 'DELETE' })).status).toBe(204);
    const changed = await body<ServerList>(await nova(sim, t, `/servers/detail?changes-since=${since}`));
    expect(changed.servers.map((s) => [s.name, s.status])).toEqual([['app-3', 'DELETED']]);
  });

  it('lists each change at once, though the text of each server is kept between listings', async () => {
    const { sim, t, clock } = await setup();
    const detail = async (token = t, mv = '2.92', path = '/servers/detail') =>
      (await body<ServerList>(await nova(sim, token, path, {}, mv))).servers;
    const booted = await nova(sim, t, '/servers', {
      method: 'POST',
      body: JSON.stringify({
        server: { name: 'new-1', imageRef: DEMO_IDS.cirros, flavorRef: '1', networks: 'none' },
      }),
    });
    const { server } = await body<{ server: { id: string } }>(booted);
    const statusOf = async (id: string) => (await detail()).find((s) => s.id === id)?.status;
    expect(await statusOf(server.id)).toBe('BUILD');
    clock.advance(2500);
    expect(await statusOf(server.id)).toBe('ACTIVE');
    expect((await nova(sim, t, `/servers/${DEMO_IDS.app3}`, { method: 'DELETE' })).status).toBe(204);
    expect((await detail()).map((s) => s.id)).not.toContain(DEMO_IDS.app3);
    // Another microversion and an admin's view are texts of their own.
    const admin = await login(sim, 'admin');
    const mine = (await detail()).find((s) => s.id === server.id)!;
    const asAdmin = (await detail(admin, '2.92', '/servers/detail?all_tenants=1')).find(
      (s) => s.id === server.id,
    );
    expect(asAdmin).toHaveProperty('OS-EXT-SRV-ATTR:host', 'simhost');
    expect(mine).not.toHaveProperty('OS-EXT-SRV-ATTR:host');
    expect((await detail(t, '2.1')).find((s) => s.id === server.id)).not.toHaveProperty('locked');
    expect(mine).toHaveProperty('locked', false);
  });
});
