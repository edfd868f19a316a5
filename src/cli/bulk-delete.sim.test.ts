/**
 * runBulkDelete (src/openstack/bulk-delete.ts) against the simulator, with faults. It lives here because
 * src/openstack may not import src/sim; the CLI's `clean --yes` is its first user.
 */
import { describe, expect, it } from 'vitest';
import { GlanceClient } from '../openstack/glance';
import { runBulkDelete } from '../openstack/bulk-delete';
import type { BulkItemResult } from '../openstack/bulk-delete';
import { KeystoneSession } from '../openstack/session';
import { createSimulator, DEMO_IDS, simCloudConfig } from '../sim';
import type { Simulator } from '../sim';

const TARGETS = [
  { id: DEMO_IDS.tmp1Snap, name: 'tmp-1-snap' },
  { id: DEMO_IDS.test7SnapA, name: 'test-7-snap-a' },
  { id: DEMO_IDS.test7SnapB, name: 'test-7-snap-b' },
  { id: DEMO_IDS.altTmpSnap, name: 'alt-tmp-snap' },
  { id: DEMO_IDS.ciSnap1, name: 'ci-runner-nightly-1' },
  { id: DEMO_IDS.ciSnap2, name: 'ci-runner-nightly-2' },
];

async function setup(): Promise<{ sim: Simulator; glance: GlanceClient; before: Set<string> }> {
  const sim = createSimulator({ scenario: 'demo' });
  const session = await KeystoneSession.open(simCloudConfig('admin'), { fetch: (i, n) => sim.fetch(i, n) });
  const before = new Set(sim.snapshotState().images.map((i) => i.id));
  return { sim, glance: new GlanceClient(session), before };
}

/** Exactly the images reported deleted are gone; every other image is still there. */
function expectOnlyReportedGone(sim: Simulator, before: Set<string>, results: BulkItemResult[]): void {
  const now = new Set(sim.snapshotState().images.map((i) => i.id));
  const gone = [...before].filter((id) => !now.has(id)).sort();
  const reported = results
    .filter((r) => r.outcome === 'deleted')
    .map((r) => r.id)
    .sort();
  expect(gone).toEqual(reported);
}

/** No id got two successful DELETEs. */
function expectNoDoubleDelete(sim: Simulator): void {
  const ok = sim.requestLog().filter((r) => r.method === 'DELETE' && r.status === 204);
  expect(new Set(ok.map((r) => r.path)).size).toBe(ok.length);
}

describe('runBulkDelete on the simulator', () => {
  it('deletes exactly the targets, and refuses a protected image and a missing one', async () => {
    const { sim, glance, before } = await setup();
    const items = [
      ...TARGETS,
      { id: DEMO_IDS.web1Snap, name: 'web-1-snap' },
      { id: DEMO_IDS.centos8Deleted, name: 'gone' },
    ];
    const results = await runBulkDelete(glance, items, { concurrency: 3 });
    expect(results.map((r) => r.outcome)).toEqual([
      ...TARGETS.map(() => 'deleted'),
      'skipped',
      'already-gone',
    ]);
    expect(results[6]?.reason).toMatch(/protected/);
    expect(sim.requestCount('DELETE', `/v2/images/${DEMO_IDS.web1Snap}`)).toBe(0);
    expectOnlyReportedGone(sim, before, results);
    expectNoDoubleDelete(sim);
  });

  it('retries 503s on deletes and reports what still failed, item by item', async () => {
    const { sim, glance, before } = await setup();
    sim.setFaults({ errorRate: 0.6, services: ['image'], methods: ['DELETE'], seed: 11 });
    const results = await runBulkDelete(glance, TARGETS, { concurrency: 4, retries: 2, retryDelayMs: 0 });
    expect(results).toHaveLength(TARGETS.length);
    expect(
      results.every((r) => r.outcome === 'deleted' || (r.outcome === 'failed' && r.status === 503)),
    ).toBe(true);
    // With 60% errors and 3 attempts, this seed gives both kinds.
    expect(results.some((r) => r.outcome === 'deleted')).toBe(true);
    expect(results.some((r) => r.outcome === 'failed')).toBe(true);
    const fivexx = sim.requestLog().filter((r) => r.method === 'DELETE' && r.status === 503).length;
    expect(fivexx).toBeGreaterThan(results.filter((r) => r.outcome === 'failed').length);
    sim.clearFaults();
    expectOnlyReportedGone(sim, before, results);
    expectNoDoubleDelete(sim);
  });

  it('retries connection resets on the re-read and the delete', async () => {
    const { sim, glance, before } = await setup();
    sim.setFaults({ resetRate: 0.4, services: ['image'], pathPattern: '^/v2/images/[^/]+$', seed: 3 });
    const results = await runBulkDelete(glance, TARGETS, { concurrency: 8, retries: 6, retryDelayMs: 0 });
    expect(sim.requestLog().some((r) => r.status === 'reset')).toBe(true);
    expect(results.map((r) => r.outcome)).toEqual(TARGETS.map(() => 'deleted'));
    sim.clearFaults();
    expectOnlyReportedGone(sim, before, results);
    expectNoDoubleDelete(sim);
  });

  it('reports a failure when every attempt is reset, and deletes nothing', async () => {
    const { sim, glance, before } = await setup();
    sim.setFaults({ resetRate: 1, services: ['image'], methods: ['DELETE'] });
    const results = await runBulkDelete(glance, TARGETS.slice(0, 2), {
      concurrency: 2,
      retries: 1,
      retryDelayMs: 0,
    });
    for (const r of results) {
      expect(r.outcome).toBe('failed');
      expect(r.reason).toMatch(/Cannot reach .*after 2 attempts/);
    }
    sim.clearFaults();
    expectOnlyReportedGone(sim, before, results);
  });
});
