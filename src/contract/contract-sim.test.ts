/**
 * The contract suites against the embedded simulator (part of `npm test`): the same assertions the
 * real-cloud tier makes against the lab. The simulator runs on a manual clock, so boots, snapshots and
 * shelves take no wall time: every poll advances the clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeystoneSession } from '../openstack/session';
import { createSimulator, manualClock, simCloudConfig, type SimUserName } from '../sim';
import { cleanupRun } from './cleanup';
import { createFixtures } from './fixtures';
import type { Fixtures } from './fixtures-types';
import { makeRunPrefix } from './run-prefix';
import { imageListContract } from './suite-image-list';
import { imageWriteContract } from './suite-image-write';
import { serverContract } from './suite-servers';
import { snapshotContract } from './suite-snapshots';
import { visibilityContract } from './suite-visibility';
import { manualClockCapabilities, type ContractSession, type ContractTarget } from './target';

const clock = manualClock();
const sim = createSimulator({ scenario: 'empty', clock });
const capabilities = manualClockCapabilities(clock);
const prefix = makeRunPrefix(new Date(clock.now()));

const open = (user: SimUserName) =>
  KeystoneSession.open(simCloudConfig(user), {
    fetch: (i, init) => sim.fetch(i, init),
    now: () => clock.now(),
  });

let sessions: Record<'admin' | 'member' | 'other', ContractSession> | undefined;
let fixtures: Fixtures | undefined;
const need = () => {
  if (!sessions) throw new Error('sessions are not open yet');
  return sessions;
};
const session = (role: 'admin' | 'member' | 'other'): ContractSession => ({
  request: (service, p, init) => need()[role].request(service, p, init),
  info: () => need()[role].info(),
});

const target: ContractTarget = {
  name: 'simulator',
  admin: session('admin'),
  member: session('member'),
  other: session('other'),
  prefix,
  capabilities,
  fixtures: () => {
    if (!fixtures) throw new Error('fixtures are not created yet');
    return fixtures;
  },
};

describe('contract on the simulator', () => {
  beforeAll(async () => {
    const [admin, member, other] = await Promise.all([open('admin'), open('demo'), open('alt')]);
    sessions = { admin, member, other };
    fixtures = await createFixtures({ admin, member, other, prefix, capabilities });
  }, 120_000);

  imageListContract(target);
  imageWriteContract(target);
  snapshotContract(target);
  serverContract(target);
  visibilityContract(target);

  describe('cleanup', () => {
    let leftBehind: string[] = [];
    afterAll(() => {
      expect(leftBehind).toEqual([]);
    });

    it('deletes every server and image of the run, and nothing else', async () => {
      const s = need();
      const { GlanceClient } = await import('../openstack/glance');
      const glance = new GlanceClient(s.admin);
      const outsider = await glance.createImage({
        name: 'not-of-this-run',
        disk_format: 'raw',
        container_format: 'bare',
      });
      const r = await cleanupRun({ sessions: [s.admin, s.member, s.other], prefix, capabilities });
      leftBehind = r.leftBehind;
      expect(r.errors).toEqual([]);
      expect(r.deletedServers).toBeGreaterThanOrEqual(5);
      expect(r.deletedImages).toBeGreaterThan(1000);
      expect(r.leftBehind).toEqual([]);
      expect((await glance.getImage(outsider.id)).name).toBe('not-of-this-run');
      const remaining = await glance.listImages({ member_status: 'all' });
      expect(remaining.map((i) => i.name)).toEqual(['not-of-this-run']);
    });
  });
});
