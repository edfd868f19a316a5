import { describe, expect, it } from 'vitest';
import { GlanceClient } from '../openstack/glance';
import { NovaClient } from '../openstack/nova';
import { KeystoneSession } from '../openstack/session';
import { createSimulator, manualClock, simCloudConfig, type SimUserName } from '../sim';
import { cleanupRun } from './cleanup';
import { createFixtures } from './fixtures';
import { makeRunPrefix } from './run-prefix';
import { manualClockCapabilities } from './target';

async function cloud() {
  const clock = manualClock();
  const sim = createSimulator({ scenario: 'empty', clock });
  const open = (u: SimUserName) =>
    KeystoneSession.open(simCloudConfig(u), {
      fetch: (i, init) => sim.fetch(i, init),
      now: () => clock.now(),
    });
  const [admin, member, other] = await Promise.all([open('admin'), open('demo'), open('alt')]);
  return { sim, admin, member, other, capabilities: manualClockCapabilities(clock), prefix: makeRunPrefix() };
}

describe('cleanupRun', () => {
  it('removes what a half-finished fixture run left when a server action failed', async () => {
    const c = await cloud();
    c.sim.setFaults({
      errorRate: 1,
      services: ['compute'],
      methods: ['POST'],
      pathPattern: '/servers/[^/]+/action',
    });
    await expect(createFixtures(c)).rejects.toThrow();
    c.sim.clearFaults();
    const nova = new NovaClient(c.admin);
    expect((await nova.listServers({ allTenants: true })).length).toBeGreaterThanOrEqual(4);

    const r = await cleanupRun({
      sessions: [c.admin, c.member, c.other],
      prefix: c.prefix,
      capabilities: c.capabilities,
    });
    expect(r.errors).toEqual([]);
    expect(r.leftBehind).toEqual([]);
    expect(r.deletedServers).toBeGreaterThanOrEqual(4);
    expect(await nova.listServers({ allTenants: true })).toEqual([]);
    expect(await new GlanceClient(c.admin).listImages({ member_status: 'all' })).toEqual([]);
  });

  it('deletes protected images of the run too, and leaves other names alone', async () => {
    const c = await cloud();
    const glance = new GlanceClient(c.member);
    const mine = await glance.createImage({ name: `${c.prefix}kept-safe`, protected: true });
    const foreign = await glance.createImage({ name: 'someone-elses', protected: true });
    const r = await cleanupRun({
      sessions: [c.admin, c.member],
      prefix: c.prefix,
      capabilities: c.capabilities,
    });
    expect(r).toMatchObject({ deletedImages: 1, leftBehind: [], errors: [] });
    await expect(glance.getImage(mine.id)).rejects.toMatchObject({ status: 404 });
    expect((await glance.getImage(foreign.id)).protected).toBe(true);
  });

  it('refuses a prefix that is not a run prefix, so it can never match everything', async () => {
    const c = await cloud();
    await expect(
      cleanupRun({ sessions: [c.admin], prefix: '', capabilities: c.capabilities }),
    ).rejects.toThrow(/not a run prefix/);
    await expect(
      cleanupRun({ sessions: [c.admin], prefix: 'gl-', capabilities: c.capabilities }),
    ).rejects.toThrow(/not a run prefix/);
  });
});
