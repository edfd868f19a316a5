/**
 * Deletes everything a contract run created (servers first, since Nova removes a shelved server's image
 * itself; then images, unprotecting them first), then lists again and reports what is left behind.
 * Only names that start with a well-formed run prefix are touched.
 */
import type { GlanceImage } from '../openstack/types';
import type { Capabilities, ContractSession } from './target';
import { clientsOf, type Clients } from './clients';
import { belongsToRun, isRunPrefix } from './run-prefix';
import { ignoreNotFound, waitForServerGone } from './server-waits';

export interface CleanupInput {
  /** The admin first: it sees every project's servers and images. */
  sessions: ContractSession[];
  prefix: string;
  capabilities: Capabilities;
  log?: (line: string) => void;
}

export interface CleanupResult {
  deletedServers: number;
  deletedImages: number;
  /** `server <id> <name>` / `image <id> <name>` of everything still there afterwards. */
  leftBehind: string[];
  errors: string[];
}

async function runServers(all: Clients[], prefix: string) {
  const found = new Map<string, { c: Clients; name: string }>();
  for (const c of all) {
    for (const s of await listServersAnyScope(c)) {
      if (belongsToRun(s.name, prefix) && s.status !== 'DELETED' && !found.has(s.id))
        found.set(s.id, { c, name: s.name });
    }
  }
  return found;
}

async function listServersAnyScope(c: Clients) {
  try {
    return await c.nova.listServers({ allTenants: true });
  } catch {
    return c.nova.listServers({});
  }
}

async function runImages(all: Clients[], prefix: string) {
  const found = new Map<string, { c: Clients; image: GlanceImage }>();
  for (const c of all) {
    for (const image of await c.glance.listImages({ member_status: 'all' })) {
      if (belongsToRun(image.name, prefix) && !found.has(image.id)) found.set(image.id, { c, image });
    }
  }
  return found;
}

async function pool<T>(items: T[], size: number, f: (t: T) => Promise<void>): Promise<void> {
  let i = 0;
  const worker = async () => {
    while (i < items.length) await f(items[i++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

export async function cleanupRun({
  sessions,
  prefix,
  capabilities,
  log,
}: CleanupInput): Promise<CleanupResult> {
  if (!isRunPrefix(prefix)) throw new Error(`refusing to clean up: '${prefix}' is not a run prefix`);
  const started = Date.now();
  const say = (line: string) => log?.(`${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const all = sessions.map(clientsOf);
  const errors: string[] = [];
  const note = (what: string) => (e: unknown) => {
    errors.push(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  };

  const servers = [...(await runServers(all, prefix))];
  await pool(servers, 8, async ([id, { c }]) => {
    await ignoreNotFound(() => c.nova.deleteServer(id)).catch(note(`delete server ${id}`));
  });
  await pool(servers, 8, async ([id, { c }]) => {
    await waitForServerGone(c, id, capabilities).catch(note(`wait for server ${id}`));
  });
  say(`deleted ${servers.length} servers`);

  const images = [...(await runImages(all, prefix))];
  say(`found ${images.length} images`);
  await pool(images, 16, async ([id, { c, image }]) => {
    try {
      if (image.protected)
        await c.glance.updateImage(id, [{ op: 'replace', path: '/protected', value: false }]);
      await ignoreNotFound(() => c.glance.deleteImage(id));
    } catch (e) {
      note(`delete image ${id}`)(e);
    }
  });
  say(`deleted ${images.length} images`);

  const leftBehind = [
    ...[...(await runServers(all, prefix))].map(([id, s]) => `server ${id} ${s.name}`),
    ...[...(await runImages(all, prefix))].map(([id, i]) => `image ${id} ${i.image.name ?? ''}`),
  ];
  return { deletedServers: servers.length, deletedImages: images.length, leftBehind, errors };
}
