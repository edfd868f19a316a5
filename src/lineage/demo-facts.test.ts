/**
 * The simulator's `demo` scenario read the way the app reads a cloud (Keystone token, Glance and Nova lists
 * through the simulator's fetch), then the engine's facts compared with the story of the scenario, written
 * out by hand (see the header of src/sim/scenarios/demo.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
// Tests may read the simulator; lineage source may not.
import {
  createSimulator,
  DEMO_IDS,
  PROJECT_IDS,
  SIM_COMPUTE_URL,
  SIM_IDENTITY_URL,
  SIM_IMAGE_URL,
} from '../sim';
import type { Simulator } from '../sim';
import type { GlanceImage, GlanceImageList, NovaServer, NovaServerList } from '../openstack/types';
import { buildLineage, missingImageId } from './build-lineage';
import { ancestorsOf } from './traverse';
import { selectForRetention } from './retention';
import type { FactKind, LineageGraph, Viewer } from './types';

const I = DEMO_IDS;

async function login(sim: Simulator, user: string, project: string): Promise<string> {
  const res = await sim.fetch(`${SIM_IDENTITY_URL}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: user, domain: { id: 'default' }, password: `${user}-secret` } },
        },
        scope: { project: { name: project, domain: { id: 'default' } } },
      },
    }),
  });
  expect(res.status).toBe(201);
  return res.headers.get('X-Subject-Token') ?? '';
}

async function allImages(sim: Simulator, token: string): Promise<GlanceImage[]> {
  const out: GlanceImage[] = [];
  let next: string | undefined = '/v2/images?limit=1000';
  while (next) {
    const res = await sim.fetch(`${SIM_IMAGE_URL}${next}`, {
      headers: { 'X-Auth-Token': token, Accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as GlanceImageList;
    out.push(...page.images);
    next = page.next;
  }
  return out;
}

async function servers(sim: Simulator, token: string, query: string): Promise<NovaServer[]> {
  const res = await sim.fetch(`${SIM_COMPUTE_URL}/servers/detail?limit=1000${query}`, {
    headers: { 'X-Auth-Token': token, 'OpenStack-API-Version': 'compute 2.92' },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as NovaServerList).servers;
}

function idsWith(graph: LineageGraph, kind: FactKind): string[] {
  return [...graph.nodes.values()]
    .filter((n) => n.facts.some((f) => f.kind === kind))
    .map((n) => n.id)
    .sort();
}

const sorted = (ids: string[]): string[] => [...ids].sort();

describe('demo scenario, as admin with all projects and deleted servers', () => {
  let graph: LineageGraph;
  const viewer: Viewer = { projectId: PROJECT_IDS.admin, isAdmin: true, allProjects: true };

  beforeAll(async () => {
    const sim = createSimulator({ scenario: 'demo' });
    const token = await login(sim, 'admin', 'admin');
    graph = buildLineage({
      images: await allImages(sim, token),
      servers: await servers(sim, token, '&all_tenants=1'),
      deletedServers: await servers(sim, token, '&all_tenants=1&deleted=true'),
      viewer,
    });
  });

  it('reports no data problems', () => {
    expect(graph.problems).toEqual([]);
  });

  it('finds the four orphans of deleted servers, in two projects', () => {
    expect(idsWith(graph, 'orphan')).toEqual(sorted([I.tmp1Snap, I.test7SnapA, I.test7SnapB, I.altTmpSnap]));
    expect(idsWith(graph, 'deleted-server')).toEqual(
      sorted([I.tmp1Deleted, I.test7Deleted, I.altTmpDeleted]),
    );
    expect(graph.nodes.get(I.test7SnapA)?.parentId).toBe(I.test7Deleted);
  });

  it('protects the two shelve images', () => {
    expect(idsWith(graph, 'shelved')).toEqual(sorted([I.batch1Shelved, I.batch2Shelved]));
  });

  it('knows which images servers boot from, directly or through descendants', () => {
    expect(idsWith(graph, 'in-use')).toEqual(
      sorted([
        I.cirros, // batch-1, batch-2, alt-app-1 (tmp-1 is deleted)
        I.debian12, // web-1, ops-bastion; web-2, web-3 through the chain
        I.web1Snap, // web-2
        I.web2Snap, // web-3
        I.ubuntu2204, // app-1, db-1; app-2, app-3 through the golden image
        I.appGolden, // app-2, app-3
        I.ubuntu2404, // ci-runner, k8s-node-1, k8s-node-2
        I.k8sNode1SnapB, // k8s-worker-3
        I.windows2022, // win-build
        I.altApp1Snap, // alt-app-2
        I.rocky9, // alt-rocky
      ]),
    );
  });

  it('reports the chain broken by the deleted centos image', () => {
    expect(idsWith(graph, 'broken-chain')).toEqual(
      sorted([I.legacy1, I.legacy1Snap, missingImageId(I.centos8Deleted)]),
    );
    expect(graph.nodes.get(I.legacy1)?.parentId).toBe(missingImageId(I.centos8Deleted));
  });

  it('builds the three generations and keeps the golden template in its family', () => {
    expect(ancestorsOf(graph, I.web3Snap)).toEqual([
      I.web3,
      I.web2Snap,
      I.web2,
      I.web1Snap,
      I.web1,
      I.debian12,
    ]);
    expect(graph.nodes.get(I.appGolden)?.kind).toBe('golden');
    expect(ancestorsOf(graph, I.app2Snap)).toEqual([I.app2, I.appGolden, I.app1, I.ubuntu2204]);
    expect(idsWith(graph, 'converted')).toEqual([I.appGolden]);
  });

  it('marks protected, transitional and volume-backed (unknown) images', () => {
    expect(idsWith(graph, 'protected')).toEqual(sorted([I.debian12, I.web1Snap, I.appGolden]));
    expect(idsWith(graph, 'transitional')).toEqual([I.demoEmpty]);
    expect(idsWith(graph, 'unknown')).toEqual([I.vol1Snap]);
    expect(graph.nodes.get(I.vol1)?.parentId).toBeNull();
  });

  it('selects exactly the orphans for an orphan cleanup', () => {
    const r = selectForRetention(graph, { orphans: true, now: Date.parse('2027-01-01T00:00:00Z') }, viewer);
    expect(r.selected.map((s) => s.id).sort()).toEqual(
      sorted([I.tmp1Snap, I.test7SnapA, I.test7SnapB, I.altTmpSnap]),
    );
  });
});

describe('demo scenario, as the demo member', () => {
  let graph: LineageGraph;

  beforeAll(async () => {
    const sim = createSimulator({ scenario: 'demo' });
    const token = await login(sim, 'demo', 'demo');
    graph = buildLineage({
      images: await allImages(sim, token),
      servers: await servers(sim, token, ''),
      viewer: { projectId: PROJECT_IDS.demo, isAdmin: false, allProjects: false },
    });
  });

  it('still finds its own orphans without deleted servers, hanging under their roots', () => {
    expect(idsWith(graph, 'orphan')).toEqual(sorted([I.tmp1Snap, I.test7SnapA, I.test7SnapB]));
    const snap = graph.nodes.get(I.test7SnapA);
    expect(snap?.parentId).toBe(I.ubuntu2204);
    expect(snap?.unknownGenerations).toBe(true);
  });

  it("does not see alt's images and calls admin's snapshot of db-1 nothing worse than foreign", () => {
    expect(graph.nodes.has(I.altTmpSnap)).toBe(false);
    const ops = graph.nodes.get(I.opsBackupDb1);
    if (ops) expect(ops.facts.map((f) => f.kind)).not.toContain('orphan');
  });
});
