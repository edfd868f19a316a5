/**
 * The real cloud for the bench's lab sections (clouds.yaml / OS_CLOUD / OS_* like the app): a Keystone
 * session for the app's own clients, plus a raw token and the catalog URLs for plain-HTTP floors. Every
 * image the bench creates is named `<run prefix>...` and deleted again; `sweepBenchImages` removes any that
 * a failed run left behind (only names with this run's prefix).
 */
import {
  authRequestBody,
  createNodeFetch,
  GlanceClient,
  identityBase,
  KeystoneSession,
  loadCloudConfig,
  NovaClient,
} from '../src/openstack/node';
import type { CloudConfig } from '../src/openstack/node';
import { NOVA_MICROVERSION } from '../src/openstack/types';
import type {
  GlanceImage,
  GlanceImageList,
  KeystoneTokenResponse,
  NovaServerList,
} from '../src/openstack/types';
import { mapBounded } from './bench-util';

export const NO_CLOUD = 'skipped: no cloud configured (set OS_CLOUD)';

/** One prefix per bench process: `bench-<base36 time>-`. */
export const RUN_PREFIX = `bench-${Date.now().toString(36)}-`;

export interface RawAccess {
  token: string;
  imageUrl: string;
  computeUrl: string;
}

export interface Lab {
  config: CloudConfig;
  session: KeystoneSession;
  glance: GlanceClient;
  nova: NovaClient;
  raw: RawAccess;
}

/** The configured cloud, or null when none is (no OS_CLOUD / OS_AUTH_URL). */
export function labConfig(): CloudConfig | null {
  return loadCloudConfig();
}

let opened: Promise<Lab> | null = null;

/** Opened once per process and shared by the sections. */
export function openLab(config: CloudConfig): Promise<Lab> {
  opened ??= (async () => {
    const session = await KeystoneSession.open(config);
    const raw = await rawAccess(config);
    return { config, session, glance: new GlanceClient(session), nova: new NovaClient(session), raw };
  })();
  return opened;
}

/** A token of our own (POST /v3/auth/tokens, no keep-alive: uwsgi) and the public image/compute URLs. */
async function rawAccess(config: CloudConfig): Promise<RawAccess> {
  const fetchNoKeepAlive = createNodeFetch({
    cacert: config.cacert,
    verify: config.verify,
    keepAlive: false,
  });
  const res = await fetchNoKeepAlive(`${identityBase(config.auth.auth_url)}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(authRequestBody(config)),
  });
  if (res.status !== 201) throw new Error(`Keystone answered ${res.status} to the bench's token request`);
  const token = res.headers.get('x-subject-token') ?? '';
  const body = (await res.json()) as KeystoneTokenResponse;
  const url = (type: string): string => {
    const eps = (body.token.catalog ?? []).filter((e) => e.type === type).flatMap((e) => e.endpoints);
    const ep =
      eps.find(
        (e) =>
          e.interface === config.interface &&
          (config.regionName === null || e.region_id === config.regionName),
      ) ?? eps.find((e) => e.interface === config.interface);
    if (!ep) throw new Error(`no ${config.interface} ${type} endpoint in the catalog`);
    return ep.url.replace(/\/+$/, '');
  };
  return { token, imageUrl: url('image'), computeUrl: url('compute') };
}

function rawHeaders(raw: RawAccess): Record<string, string> {
  return { 'X-Auth-Token': raw.token, Accept: 'application/json' };
}

/** Plain HTTP: every page of GET /v2/images (limit 1000), following `next`. Returns the image count. */
export async function rawListImages(raw: RawAccess, fetchFn: typeof fetch = fetch): Promise<number> {
  let path: string | undefined = '/v2/images?limit=1000';
  let count = 0;
  while (path) {
    const res = await fetchFn(`${raw.imageUrl}${path}`, { headers: rawHeaders(raw) });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    const body = (await res.json()) as GlanceImageList;
    count += body.images.length;
    path = body.images.length > 0 ? body.next : undefined;
  }
  return count;
}

/**
 * Plain HTTP: every page of GET /servers/detail (limit 1000, all projects; `deleted` for the deleted ones),
 * following `servers_links` by its query string. Returns the server count.
 */
export async function rawListServers(raw: RawAccess, deleted: boolean): Promise<number> {
  const headers = { ...rawHeaders(raw), 'OpenStack-API-Version': `compute ${NOVA_MICROVERSION}` };
  let query: string | undefined = `?all_tenants=1&limit=1000${deleted ? '&deleted=true' : ''}`;
  let count = 0;
  while (query) {
    const res = await fetch(`${raw.computeUrl}/servers/detail${query}`, { headers });
    if (!res.ok) throw new Error(`GET /servers/detail${query}: ${res.status}`);
    const body = (await res.json()) as NovaServerList;
    count += body.servers.length;
    const next =
      body.servers.length > 0 ? body.servers_links?.find((l) => l.rel === 'next')?.href : undefined;
    query = next ? next.slice(next.indexOf('?')) : undefined;
  }
  return count;
}

/** The same data the app lists, with plain HTTP: images, servers and deleted servers in parallel. */
export async function rawListAll(raw: RawAccess): Promise<number> {
  const counts = await Promise.all([
    rawListImages(raw),
    rawListServers(raw, false),
    rawListServers(raw, true),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

/** Plain HTTP DELETE; 204 and 404 both count as gone. */
export async function rawDeleteImage(raw: RawAccess, id: string): Promise<number> {
  const res = await fetch(`${raw.imageUrl}/v2/images/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    headers: rawHeaders(raw),
  });
  await res.body?.cancel();
  if (res.status !== 204 && res.status !== 404) throw new Error(`DELETE image ${id}: ${res.status}`);
  return res.status;
}

/**
 * The bench's own images on the lab, created once per run and shared: the loading section lists them, the
 * bulk-delete section deletes some of them (each image is handed out once), `sweep` deletes the rest.
 */
export class LabImagePool {
  readonly lab: Lab;
  readonly prefix = RUN_PREFIX;
  #free: GlanceImage[] = [];
  #created = 0;

  constructor(lab: Lab) {
    this.lab = lab;
  }

  /** Creates images until at least `count` are unused; returns how many it created and how long it took. */
  async ensure(count: number): Promise<{ created: number; ms: number }> {
    const missing = count - this.#free.length;
    if (missing <= 0) return { created: 0, ms: 0 };
    const t0 = performance.now();
    const names = Array.from(
      { length: missing },
      (_, i) => `${this.prefix}${String(this.#created + i).padStart(4, '0')}`,
    );
    this.#created += missing;
    const made = await mapBounded(names, 8, (name) =>
      this.lab.glance.createImage({
        name,
        disk_format: 'raw',
        container_format: 'bare',
        visibility: 'private',
      }),
    );
    this.#free.push(...made);
    return { created: made.length, ms: performance.now() - t0 };
  }

  /** Hands out `n` unused images (call `ensure` first). */
  take(n: number): GlanceImage[] {
    if (n > this.#free.length)
      throw new Error(`the bench pool has ${this.#free.length} images, ${n} asked for`);
    return this.#free.splice(0, n);
  }

  /** Deletes whatever this run left (by name prefix, so also images whose create answer was lost). */
  async sweep(): Promise<number> {
    this.#free = [];
    return sweepBenchImages(this.lab, this.prefix);
  }
}

let pool: LabImagePool | null = null;

/** The shared pool, or null when no cloud is configured. */
export async function labPool(): Promise<LabImagePool | null> {
  const config = labConfig();
  if (!config) return null;
  pool ??= new LabImagePool(await openLab(config));
  return pool;
}

/** Deletes this run's images if a pool was opened; safe to call more than once. */
export async function sweepLab(): Promise<number> {
  return pool ? pool.sweep() : 0;
}

/** Deletes every image whose name starts with `prefix` (this run's leftovers only). Returns how many. */
export async function sweepBenchImages(lab: Lab, prefix: string): Promise<number> {
  if (!prefix.startsWith(RUN_PREFIX))
    throw new Error(`refusing to sweep a prefix that is not this run's: ${prefix}`);
  const mine = (await lab.glance.listImages()).filter((img) => (img.name ?? '').startsWith(prefix));
  await mapBounded(mine, 8, (img) => rawDeleteImage(lab.raw, img.id));
  return mine.length;
}
