/**
 * The `generated` scenario: any size, deterministic from a seed. A few hundred public base images, servers
 * booted from bases and from snapshots (chains several generations deep), orphans (deleted servers),
 * shelved servers, three projects. Only sizes are kept, no image bytes.
 */
import { ScenarioBuilder } from '../builders';
import { createRng } from '../prng';
import { PROJECT_IDS, type ProjectName, type UserName } from '../state/identity';
import { emptyState, type SimImage, type SimServer, type SimState } from '../state/model';

export interface GeneratedOptions {
  images: number;
  servers: number;
  seed?: number;
}

const DISTROS = [
  ['ubuntu', ['20.04', '22.04', '24.04']],
  ['debian', ['11', '12', '13']],
  ['rocky', ['8.10', '9.4']],
  ['fedora', ['39', '40', '41']],
  ['cirros', ['0.5.2', '0.6.2']],
  ['centos', ['stream-9']],
  ['windows', ['2019', '2022']],
] as const;

const OWNERS: { user: UserName; project: ProjectName; weight: number }[] = [
  { user: 'demo', project: 'demo', weight: 0.6 },
  { user: 'alt', project: 'alt', weight: 0.3 },
  { user: 'admin', project: 'admin', weight: 0.1 },
];

export function buildGenerated(o: GeneratedOptions, state: SimState = emptyState('synthetic')): SimState {
  const rng = createRng(o.seed ?? 42);
  const b = new ScenarioBuilder(state, '2026-01-01T00:00:00Z');
  const totalImages = Math.max(0, Math.floor(o.images));
  const totalServers = Math.max(0, Math.floor(o.servers));
  const baseCount = Math.min(
    totalImages,
    Math.max(totalImages > 0 ? 1 : 0, Math.min(400, Math.round(totalImages * 0.03))),
  );
  // Spread everything over ~10 months of 2026, whatever the size.
  const stepMinutes = Math.max(1, Math.floor((300 * 24 * 60) / Math.max(1, totalImages + totalServers)));

  const bases: SimImage[] = [];
  for (let i = 0; i < baseCount; i++) {
    const [distro, versions] = rng.pick(DISTROS);
    const version = rng.pick(versions);
    const img = b.baseImage({
      id: rng.uuid(),
      name: `${distro}-${version}-${String(i).padStart(3, '0')}`,
      visibility: rng.next() < 0.9 ? 'public' : 'community',
      size: rng.int(12, 4096) * 1024 * 1024,
      tags: rng.next() < 0.5 ? ['base'] : ['base', distro],
      protected: rng.next() < 0.1,
      hidden: rng.next() < 0.03,
      props: { os_distro: distro, os_version: version, hw_disk_bus: 'virtio' },
    });
    bases.push(img);
    b.advance(stepMinutes);
  }

  let remaining = totalImages - baseCount;
  const snapshots: SimImage[] = [];
  const live: SimServer[] = [];
  const pickOwner = (): (typeof OWNERS)[number] => {
    const r = rng.next();
    let acc = 0;
    for (const ow of OWNERS) {
      acc += ow.weight;
      if (r < acc) return ow;
    }
    return OWNERS[0]!;
  };
  for (let i = 0; i < totalServers; i++) {
    const owner = pickOwner();
    const fromSnapshot = snapshots.length > 0 && rng.next() < 0.35;
    const candidates = fromSnapshot
      ? snapshots.slice(-300).filter((s) => s.owner === PROJECT_IDS[owner.project] && state.images.has(s.id))
      : [];
    const image = candidates.length > 0 ? rng.pick(candidates) : bases.length > 0 ? rng.pick(bases) : null;
    if (!image) break;
    const server = b.boot({
      id: rng.uuid(),
      name: `${owner.project}-vm-${String(i).padStart(5, '0')}`,
      image,
      user: owner.user,
      flavor: rng.pick(['m1.tiny', 'm1.small', 'm1.medium']),
    });
    live.push(server);
    const serversLeft = totalServers - i;
    const avg = remaining / serversLeft;
    let n = Math.min(remaining, Math.max(0, Math.round(avg * (0.5 + rng.next()))));
    if (i === totalServers - 1) n = remaining;
    for (let k = 0; k < n; k++) {
      const snap = b.snapshot(server, {
        id: rng.uuid(),
        name: `${server.name}-snap-${k}`,
        size: rng.int(64, 8192) * 1024 * 1024,
      });
      if (rng.next() < 0.15) b.tag(snap, rng.pick(['nightly', 'golden', 'keep', 'release']));
      snapshots.push(snap);
      remaining--;
      b.advance(stepMinutes);
    }
    const fate = rng.next();
    if (fate < 0.1) b.deleteServer(server);
    else if (fate < 0.13 && remaining > 0) {
      snapshots.push(b.shelve(server, rng.uuid()));
      remaining--;
      if (rng.next() < 0.5) b.offload(server);
    }
    b.advance(stepMinutes);
  }
  // Images left over (no servers asked for): plain uploads in the projects.
  for (let i = 0; remaining > 0; i++, remaining--) {
    const owner = pickOwner();
    b.baseImage({
      id: rng.uuid(),
      name: `${owner.project}-upload-${String(i).padStart(5, '0')}`,
      project: owner.project,
      visibility: rng.next() < 0.8 ? 'private' : 'shared',
      size: rng.int(1, 2048) * 1024 * 1024,
    });
  }
  return state;
}
