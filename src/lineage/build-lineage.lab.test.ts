import { describe, expect, it } from 'vitest';
import { buildLineage } from './build-lineage';
import { ancestorsOf, descendantsOf, familyRootOf } from './traverse';
import { hasFact } from './facts';
import { idOf, lab } from './fixtures/lab-recorded';
import type { FactKind, LineageGraph, Viewer } from './types';

const admin: Viewer = { projectId: lab.adminProject, isAdmin: true, allProjects: true };
const demo: Viewer = { projectId: lab.demoProject, isAdmin: false, allProjects: false };

function adminGraph(): LineageGraph {
  return buildLineage({
    images: lab.adminImages,
    servers: lab.adminServers,
    deletedServers: lab.deletedServers,
    viewer: admin,
  });
}

function withFact(graph: LineageGraph, kind: FactKind): string[] {
  return [...graph.nodes.values()]
    .filter((n) => hasFact(n, kind))
    .map((n) => n.name)
    .sort();
}

describe('recorded lab, admin with all projects and deleted servers', () => {
  const graph = adminGraph();

  it('builds the real three-generation chain through the servers, not through base_image_ref', () => {
    expect(ancestorsOf(graph, idOf('web-3-snap')).map((id) => graph.nodes.get(id)?.name)).toEqual([
      'web-3',
      'web-2-snap',
      'web-2',
      'web-1-snap',
      'web-1',
      'debian-12-lab',
    ]);
    const snap3 = graph.nodes.get(idOf('web-3-snap'));
    expect(snap3?.rootId).toBe(idOf('debian-12-lab'));
    expect(snap3?.unknownGenerations).toBe(false);
    expect(graph.edges.filter((e) => e.target === idOf('web-2')).map((e) => [e.source, e.kind])).toEqual([
      [idOf('web-1-snap'), 'booted-from'],
    ]);
  });

  it('hangs the deleted server tmp-1 and its snapshot under cirros, and calls the snapshot an orphan', () => {
    const tmp = graph.nodes.get(idOf('tmp-1'));
    expect(tmp?.kind).toBe('server');
    expect(tmp?.parentId).toBe(idOf('cirros-0.6-lab'));
    expect(hasFact(tmp!, 'deleted-server')).toBe(true);
    const snap = graph.nodes.get(idOf('tmp-1-snap'));
    expect(snap?.parentId).toBe(idOf('tmp-1'));
    expect(snap?.facts.find((f) => f.kind === 'orphan')?.reason).toBe(
      'its server tmp-1 (2f84eac3) was deleted (Nova lists it as DELETED)',
    );
  });

  it('finds exactly the expected orphans, shelve images and images in use', () => {
    expect(withFact(graph, 'orphan')).toEqual(['tmp-1-snap']);
    expect(withFact(graph, 'shelved')).toEqual(['batch-1-shelved', 'batch-2-shelved']);
    expect(withFact(graph, 'in-use')).toEqual([
      'cirros-0.6-lab',
      'debian-12-lab',
      'ubuntu-22.04-lab',
      'web-1-snap',
      'web-2-snap',
    ]);
    expect(withFact(graph, 'protected')).toEqual(['debian-12-lab', 'web-1-snap']);
    expect(withFact(graph, 'transitional')).toEqual(['demo-empty']);
    expect(withFact(graph, 'unknown')).toEqual([]);
    expect(withFact(graph, 'broken-chain')).toEqual([]);
    expect(graph.problems).toEqual([]);
  });

  it('says which servers use an image directly and through its descendants', () => {
    const reason = graph.nodes.get(idOf('web-1-snap'))?.facts.find((f) => f.kind === 'in-use')?.reason;
    expect(reason).toBe(
      '1 server boots from it: web-2 (1adf3a5a); 1 server boots from images made from it: web-3 (e6b31340)',
    );
  });

  it('puts every image exactly once and walks every family to an image root', () => {
    for (const image of lab.adminImages) expect(graph.nodes.get(image.id)?.image).toBe(image);
    expect(graph.nodes.size).toBe(
      lab.adminImages.length + lab.adminServers.length + lab.deletedServers.length,
    );
    expect(familyRootOf(graph, idOf('batch-2-shelved'))).toBe(idOf('cirros-0.6-lab'));
    expect(descendantsOf(graph, idOf('web-2')).map((id) => graph.nodes.get(id)?.name)).toEqual([
      'web-2-snap',
      'web-3',
      'web-3-snap',
    ]);
  });

  it("uses owner_id, not owner, as the instance's project of an admin snapshot of a demo server", () => {
    const withoutServers = buildLineage({
      images: lab.adminImages,
      servers: [],
      viewer: { projectId: lab.adminProject, isAdmin: true, allProjects: false },
    });
    const ops = withoutServers.nodes.get(idOf('ops-backup-db-1'))!;
    expect(ops.projectId).toBe(lab.adminProject);
    expect(hasFact(ops, 'orphan')).toBe(false);
    expect(ops.facts.find((f) => f.kind === 'unknown')?.reason).toContain(lab.demoProject);
  });
});

describe('recorded lab, as the demo member', () => {
  const graph = buildLineage({ images: lab.demoImages, servers: lab.demoServers, viewer: demo });

  it('hangs tmp-1-snap under its root with the generations in between unknown, and calls it an orphan', () => {
    const snap = graph.nodes.get(idOf('tmp-1-snap'))!;
    expect(snap.parentId).toBe(idOf('cirros-0.6-lab'));
    expect(snap.unknownGenerations).toBe(true);
    expect(graph.edges.find((e) => e.target === snap.id)?.kind).toBe('root-only');
    expect(snap.facts.find((f) => f.kind === 'orphan')?.reason).toBe('its server 2f84eac3 no longer exists');
  });

  it('marks the public base images as foreign and the shelve images as shelved, never orphan', () => {
    expect(withFact(graph, 'foreign')).toEqual([
      'cirros-0.6-lab',
      'debian-11-lab',
      'debian-12-lab',
      'ubuntu-22.04-lab',
    ]);
    expect(withFact(graph, 'shelved')).toEqual(['batch-1-shelved', 'batch-2-shelved']);
    expect(withFact(graph, 'orphan')).toEqual(['tmp-1-snap']);
  });
});
