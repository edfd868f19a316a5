/** Who sees which image: other projects' private images, default-visibility images, pending members. */
import { describe, expect, it } from 'vitest';
import { clientsOf } from './clients';
import { statusOf } from './suite-image-write';
import type { ContractTarget } from './target';

export function visibilityContract(target: ContractTarget): void {
  describe('image visibility across projects', () => {
    it("answers 404 (not 403) for another project's private image", async () => {
      const f = target.fixtures();
      expect(await statusOf(clientsOf(target.member).glance.getImage(f.otherProject.privateId))).toBe(404);
    });

    it("lists neither of another project's images to a member, private or shared without membership", async () => {
      const f = target.fixtures();
      const ids = (await clientsOf(target.member).glance.listImages()).map((i) => i.id);
      expect(ids).not.toContain(f.otherProject.privateId);
      expect(ids).not.toContain(f.otherProject.sharedId);
      expect(await statusOf(clientsOf(target.member).glance.getImage(f.otherProject.sharedId))).toBe(404);
    });

    it("lists every project's images to the admin by default", async () => {
      const f = target.fixtures();
      const ids = (await clientsOf(target.admin).glance.listImages()).map((i) => i.id);
      expect(ids).toEqual(
        expect.arrayContaining([
          f.otherProject.privateId,
          f.otherProject.sharedId,
          f.base.id,
          f.chain.snapshots[0],
        ]),
      );
    });

    it('lets a pending member get the image by id but hides it from its default list', async () => {
      const f = target.fixtures();
      const { glance } = clientsOf(target.member);
      expect((await glance.getImage(f.shelved.adminSnapshotId)).id).toBe(f.shelved.adminSnapshotId);
      expect((await glance.listImages()).map((i) => i.id)).not.toContain(f.shelved.adminSnapshotId);
      expect((await glance.listImages({ member_status: 'all' })).map((i) => i.id)).toContain(
        f.shelved.adminSnapshotId,
      );
    });

    it("does not show the member's own images to the other project", async () => {
      const f = target.fixtures();
      const ids = (await clientsOf(target.other).glance.listImages()).map((i) => i.id);
      expect(ids).not.toContain(f.base.id);
      expect(ids).not.toContain(f.chain.snapshots[0]);
    });
  });
}
