import { describe, expect, it } from 'vitest';
import { buildLineage } from '../../lineage';
import type { LineageGraph } from '../../lineage';
import { createSimulator, DEMO_IDS, PROJECT_IDS } from '../../sim';
import { assessDelete } from './delete-risk';

const viewer = { projectId: PROJECT_IDS.demo, isAdmin: true, allProjects: true };

function demoGraph(): LineageGraph {
  const { images, servers } = createSimulator({ scenario: 'demo' }).snapshotState();
  return buildLineage({
    images: images.filter((i) => !i.os_hidden),
    servers: servers.filter((s) => s.status !== 'DELETED'),
    deletedServers: servers.filter((s) => s.status === 'DELETED'),
    viewer,
  });
}

function assess(graph: LineageGraph, id: string) {
  const node = graph.nodes.get(id);
  if (!node) throw new Error(`no node ${id}`);
  return assessDelete(graph, node, viewer);
}

describe('assessDelete', () => {
  const graph = demoGraph();
  it('lets an orphan snapshot go with a plain confirmation', () => {
    expect(assess(graph, DEMO_IDS.tmp1Snap).risk).toBe('normal');
  });
  it("asks to type the name for another project's image, unless an admin chose all projects", () => {
    const other = { ...viewer, projectId: PROJECT_IDS.admin };
    expect(assessDelete(graph, graph.nodes.get(DEMO_IDS.tmp1Snap)!, other).risk).toBe('normal');
    const a = assessDelete(graph, graph.nodes.get(DEMO_IDS.tmp1Snap)!, { ...other, allProjects: false });
    expect(a.risk).toBe('high');
    expect(a.reasons.join(' ')).toMatch(/foreign/);
  });
  it('blocks a shelved server image', () => {
    const a = assess(graph, DEMO_IDS.batch2Shelved);
    expect(a.risk).toBe('blocked');
    expect(a.reasons.join(' ')).toMatch(/shelved/);
  });
  it('asks for the unprotect step first on a protected image', () => {
    expect(assess(graph, DEMO_IDS.web1Snap).risk).toBe('protected');
  });
  it('asks to type the name for a base image that servers boot from', () => {
    const a = assess(graph, DEMO_IDS.ubuntu2204);
    expect(a.risk).toBe('high');
    expect(a.bootingServers.length + a.descendants).toBeGreaterThan(0);
    expect(a.confirmText).toBe(graph.nodes.get(DEMO_IDS.ubuntu2204)?.name);
  });
  it('says a volume-backed snapshot leaves its Cinder snapshots behind', () => {
    expect(assess(graph, DEMO_IDS.vol1Snap).volumeBacked).toBe(true);
  });
});
