/**
 * The shared resources a contract run creates once (`createFixtures`) and every suite reads. Plain JSON:
 * the real tier creates them in Vitest's global setup and hands them to the tests (and to the end-to-end
 * specs through a file).
 */
export interface ProjectRef {
  id: string;
  name: string;
}

export interface Fixtures {
  prefix: string;
  projects: { admin: ProjectRef; member: ProjectRef; other: ProjectRef };
  users: { admin: ProjectRef; member: ProjectRef };
  flavorId: string;
  /** The member's base image (default visibility, with data and inheritable properties). */
  base: { id: string; name: string; properties: Record<string, string> };
  /** base → server[0] → snapshots[0] → server[1] → snapshots[1] → server[2] → snapshots[2]. */
  chain: { servers: string[]; snapshots: string[]; snapshotMetadata: Record<string, string> };
  /** A snapshot whose server was deleted afterwards. */
  orphan: { serverId: string; serverName: string; snapshotId: string };
  /** A member's server, snapshotted by the admin, then shelved and offloaded (by the admin). */
  shelved: { serverId: string; serverName: string; imageId: string; adminSnapshotId: string };
  /** A member's server left SHELVED (not offloaded), with its shelve image, for the unshelve test. */
  unshelve: { serverId: string; serverName: string; imageId: string };
  /** Three member images with the property `gl_run=<prefix>`, created in the order b, a, c. */
  sortable: { ids: string[]; names: string[]; property: { key: string; value: string } };
  /** The other project's images: one private, one with the default visibility. */
  otherProject: { privateId: string; sharedId: string };
  /**
   * For the actions tests (golden, copy, tags, bulk delete): a live server's snapshot, and the snapshots of a
   * server deleted afterwards (two orphans and a protected orphan). Names start with `<prefix>act-`.
   */
  actions: {
    keepServerId: string;
    snapshotId: string;
    goneServerId: string;
    orphanIds: string[];
    protectedOrphanId: string;
  };
  /** Extra bare images created so that more than 1,000 images are visible to the admin. */
  bulk: { created: number; visibleToAdmin: number };
}
