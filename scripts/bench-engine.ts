/**
 * Lineage engine benchmark: buildLineage (classification + facts included), layoutTree, and their total,
 * on synthetic clouds generated here from a fixed seed (images with 20 % as many servers, chains of
 * snapshots of snapshots, orphans, shelve images, three projects). Median of 5 runs after 1 warm-up.
 */
import { buildLineage, classifyImage, layoutTree } from '../src/lineage';
import type { LineageInput, Viewer } from '../src/lineage';
import type { GlanceImage, NovaServer } from '../src/openstack/types';

const PROJECTS = [
  '721ab6502e7142728bc5413b3d30d38b',
  '2c72c112c0944ccfa5eba64442c61478',
  'bede497d5f8a4f7c9a3b1e2d6c4f8a10',
];
const VIEWER: Viewer = { projectId: PROJECTS[0] ?? null, isAdmin: true, allProjects: true };

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(rand: () => number): string {
  const hex = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

function iso(minutes: number): string {
  return new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

function image(
  id: string,
  name: string,
  owner: string,
  at: number,
  extra: Record<string, unknown>,
): GlanceImage {
  return {
    id,
    name,
    status: 'active',
    visibility: 'private',
    protected: false,
    os_hidden: false,
    owner,
    checksum: 'd41d8cd98f00b204e9800998ecf8427e',
    os_hash_algo: 'sha512',
    os_hash_value: 'cf83e135',
    size: 196_616,
    virtual_size: 67_108_864,
    min_disk: 1,
    min_ram: 0,
    disk_format: 'qcow2',
    container_format: 'bare',
    created_at: iso(at),
    updated_at: iso(at),
    tags: [],
    self: `/v2/images/${id}`,
    file: `/v2/images/${id}/file`,
    schema: '/v2/schemas/image',
    stores: 'fs',
    os_distro: 'debian',
    os_version: '12',
    ...extra,
  };
}

/** A deterministic cloud with `images` images and `servers` servers (plus a few deleted ones). */
export function syntheticCloud(images: number, servers: number, seed = 42): LineageInput {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const imgs: GlanceImage[] = [];
  const live: NovaServer[] = [];
  const deleted: NovaServer[] = [];
  const rootOf = new Map<string, string>();
  const bases = Math.max(1, Math.round(images / 250));
  let t = 0;
  for (let i = 0; i < bases && imgs.length < images; i++) {
    const id = uuid(rand);
    imgs.push(
      image(id, `base-${i}`, PROJECTS[0] as string, t++, { visibility: 'public', protected: rand() < 0.2 }),
    );
    rootOf.set(id, id);
  }
  const makeServer = (gone: boolean): NovaServer => {
    const boot = pick(imgs);
    const id = uuid(rand);
    const s: NovaServer = {
      id,
      name: `vm-${live.length + deleted.length}`,
      status: gone ? 'DELETED' : rand() < 0.05 ? 'SHELVED_OFFLOADED' : 'ACTIVE',
      tenant_id: pick(PROJECTS),
      user_id: 'u',
      image: { id: boot.id },
      flavor: { original_name: 'm1.tiny' },
      created: iso(t++),
      updated: iso(t),
      metadata: {},
      addresses: {},
    };
    rootOf.set(id, rootOf.get(boot.id) ?? boot.id);
    return s;
  };
  while (imgs.length < images || live.length < servers) {
    const wantServer =
      live.length < servers && (imgs.length >= images || rand() < servers / (images + servers));
    if (wantServer || live.length === 0) {
      if (rand() < 0.05) deleted.push(makeServer(true));
      live.push(makeServer(false));
      continue;
    }
    const from = rand() < 0.1 && deleted.length > 0 ? pick(deleted) : pick(live);
    const id = uuid(rand);
    const shelve = from.status === 'SHELVED_OFFLOADED' && rand() < 0.5;
    imgs.push(
      image(id, shelve ? `${from.name}-shelved` : `${from.name}-snap-${imgs.length}`, from.tenant_id, t++, {
        image_type: 'snapshot',
        instance_uuid: from.id,
        base_image_ref: rootOf.get(from.id),
        owner_id: from.tenant_id,
        user_id: 'u',
        image_location: 'snapshot',
        image_state: 'available',
      }),
    );
    rootOf.set(id, rootOf.get(from.id) ?? id);
  }
  return { images: imgs.slice(0, images), servers: live, deletedServers: deleted, viewer: VIEWER };
}

export interface EngineFigures {
  images: number;
  servers: number;
  nodes: number;
  /** classifyImage over every image (also part of build). */
  classifyMs: number;
  /** buildLineage: graph, classification and facts. */
  buildMs: number;
  layoutMs: number;
  totalMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export function benchEngine(sizes: readonly number[], runs = 5): EngineFigures[] {
  const out: EngineFigures[] = [];
  for (const size of sizes) {
    const input = syntheticCloud(size, Math.round(size * 0.2));
    const classify: number[] = [];
    const build: number[] = [];
    const layout: number[] = [];
    const total: number[] = [];
    let nodes = 0;
    for (let run = 0; run <= runs; run++) {
      const t0 = performance.now();
      for (const img of input.images) classifyImage(img);
      const t1 = performance.now();
      const graph = buildLineage(input);
      const t2 = performance.now();
      layoutTree(graph);
      const t3 = performance.now();
      nodes = graph.nodes.size;
      if (run === 0) continue; // warm-up
      classify.push(t1 - t0);
      build.push(t2 - t1);
      layout.push(t3 - t2);
      total.push(t3 - t1);
    }
    out.push({
      images: input.images.length,
      servers: input.servers.length,
      nodes,
      classifyMs: median(classify),
      buildMs: median(build),
      layoutMs: median(layout),
      totalMs: median(total),
    });
  }
  return out;
}

export function formatEngineTable(figures: readonly EngineFigures[]): string {
  const rows = [
    ['images', 'servers', 'nodes', 'classify ms', 'build+facts ms', 'layout ms', 'build+layout ms'],
    ...figures.map((f) => [
      String(f.images),
      String(f.servers),
      String(f.nodes),
      f.classifyMs.toFixed(1),
      f.buildMs.toFixed(1),
      f.layoutMs.toFixed(1),
      f.totalMs.toFixed(1),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ')).join('\n');
}
