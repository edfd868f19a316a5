/**
 * Nova server contract: shelve/offload/unshelve and their images, deleted servers (admins only),
 * the 409s of createImage, server-list pagination.
 */
import { describe, expect, it } from 'vitest';
import type { NovaServerList } from '../openstack/types';
import { clientsOf } from './clients';
import { statusOf } from './suite-image-write';
import type { ContractTarget } from './target';
import { waitForImage, waitForImageGone, waitForServer } from './server-waits';
import { wire } from './wire';

export function serverContract(target: ContractTarget): void {
  describe('Nova servers', () => {
    it('lists a deleted server to an admin asking for deleted=true across projects, with its boot image', async () => {
      const f = target.fixtures();
      const servers = await clientsOf(target.admin).nova.listServers({ allTenants: true, deleted: true });
      const gone = servers.find((s) => s.id === f.orphan.serverId);
      expect(gone?.status).toBe('DELETED');
      expect(gone?.image === '' ? '' : gone?.image.id).toBe(f.base.id);
    });

    it('answers 404 for a deleted server by id, to the admin too', async () => {
      const f = target.fixtures();
      expect(await statusOf(clientsOf(target.admin).nova.getServer(f.orphan.serverId))).toBe(404);
      expect(await statusOf(clientsOf(target.member).nova.getServer(f.orphan.serverId))).toBe(404);
    });

    it('ignores deleted=true for a member: the normal list, without the deleted server', async () => {
      const f = target.fixtures();
      const servers = await clientsOf(target.member).nova.listServers({ deleted: true });
      const ids = servers.map((s) => s.id);
      expect(ids).not.toContain(f.orphan.serverId);
      expect(ids).toEqual(expect.arrayContaining(f.chain.servers));
      expect(servers.every((s) => s.status !== 'DELETED')).toBe(true);
    });

    it('refuses all_tenants to a member with 403 (it is not silently ignored)', async () => {
      const r = await wire(target.member, 'compute', '/servers/detail?all_tenants=1');
      expect(r.status).toBe(403);
      expect(await statusOf(clientsOf(target.member).nova.listServers({ allTenants: true }))).toBe(403);
    });

    it('shows the host attribute to admins only', async () => {
      const f = target.fixtures();
      const id = f.chain.servers[0] ?? '';
      const asMember = await clientsOf(target.member).nova.getServer(id);
      expect(asMember).not.toHaveProperty(['OS-EXT-SRV-ATTR:host']);
      const asAdmin = await clientsOf(target.admin).nova.getServer(id);
      expect(asAdmin).toHaveProperty(['OS-EXT-SRV-ATTR:host']);
    });

    it('answers Nova errors as JSON faults: 404 itemNotFound, 406 for an unsupported microversion', async () => {
      const missing = await wire<Record<string, { code: number }>>(
        target.member,
        'compute',
        '/servers/00000000-0000-0000-0000-000000000000',
      );
      expect(missing.status).toBe(404);
      expect(missing.body.itemNotFound?.code).toBe(404);
      const tooNew = await wire<Record<string, { code: number }>>(target.member, 'compute', '/servers', {
        headers: { 'OpenStack-API-Version': 'compute 2.999' },
      });
      expect(tooNew.status).toBe(406);
      expect(tooNew.body.computeFault?.code).toBe(406);
    });

    it("keeps a deleted server's snapshot, its instance_uuid dangling", async () => {
      const f = target.fixtures();
      const snap = await clientsOf(target.member).glance.getImage(f.orphan.snapshotId);
      expect(snap.status).toBe('active');
      expect(snap.instance_uuid).toBe(f.orphan.serverId);
    });

    it('pages servers with an absolute next link in servers_links', async () => {
      const f = target.fixtures();
      const name = encodeURIComponent(`^${f.prefix}chain-`);
      const first = await wire<NovaServerList>(
        target.member,
        'compute',
        `/servers/detail?name=${name}&limit=2`,
      );
      expect(first.status).toBe(200);
      expect(first.body.servers).toHaveLength(2);
      const next = first.body.servers_links?.find((l) => l.rel === 'next');
      expect(next?.href).toMatch(/^https?:\/\//);
      const url = new URL(next?.href ?? 'http://x/');
      expect(url.searchParams.get('marker')).toBe(first.body.servers[1]?.id);
      const all = await clientsOf(target.member).nova.listServers({});
      expect(all.map((s) => s.id)).toEqual(expect.arrayContaining(f.chain.servers));
    });

    it('refuses createImage on a SHELVED_OFFLOADED server with 409', async () => {
      const f = target.fixtures();
      const { nova } = clientsOf(target.member);
      expect(await statusOf(nova.createImage(f.shelved.serverId, `${f.prefix}never`, {}))).toBe(409);
    });

    it('refuses shelve-offload to a member (403, admin-only policy)', async () => {
      const f = target.fixtures();
      expect(await statusOf(clientsOf(target.member).nova.shelveOffload(f.unshelve.serverId))).toBe(403);
    });

    it('refuses a second createImage while the first is still pending with 409', async () => {
      const f = target.fixtures();
      const c = clientsOf(target.member);
      const serverId = f.chain.servers[2] ?? '';
      const first = await c.nova.createImage(serverId, `${f.prefix}busy-1`, {});
      expect(await statusOf(c.nova.createImage(serverId, `${f.prefix}busy-2`, {}))).toBe(409);
      await waitForImage(c, first, target.capabilities);
      await waitForServer(c, serverId, 'ACTIVE', target.capabilities);
    });

    it('deletes the shelve image when the server is unshelved', async () => {
      const f = target.fixtures();
      const c = clientsOf(target.member);
      expect((await c.glance.getImage(f.unshelve.imageId)).name).toBe(`${f.unshelve.serverName}-shelved`);
      await c.nova.unshelve(f.unshelve.serverId);
      const server = await waitForServer(c, f.unshelve.serverId, 'ACTIVE', target.capabilities);
      expect(server.image === '' ? '' : server.image.id).toBe(f.base.id);
      await waitForImageGone(c, f.unshelve.imageId, target.capabilities);
    });
  });
}
