/**
 * What a contract suite runs against: three sessions on one cloud (an admin, a member of one project and a
 * member of another project), the run prefix every created resource carries, and how long to wait for the
 * cloud. The same suites run against the simulator (`contract-sim.test.ts`) and a real cloud
 * (`contract.real.test.ts`); a difference between the two is a simulator bug.
 */
import type { SessionInfo } from '../openstack/cloud-config';
import type { Transport } from '../openstack/transport';
import type { Fixtures } from './fixtures-types';

export interface ContractSession extends Transport {
  info(): SessionInfo;
}

export interface Capabilities {
  /** How often to poll a server or image while waiting for a state. */
  pollMs: number;
  /** The longest wait for one state change (boot, snapshot, shelve). */
  waitMs: number;
  /** Lets time pass: a real sleep on a cloud, a clock advance on the simulator. */
  sleep: (ms: number) => Promise<void>;
}

export interface ContractTarget {
  /** 'simulator' or the cloud's name, for messages. */
  name: string;
  admin: ContractSession;
  member: ContractSession;
  other: ContractSession;
  prefix: string;
  capabilities: Capabilities;
  /** The shared fixtures; available once the runner's setup has created them (inside tests and hooks). */
  fixtures(): Fixtures;
}

export const REAL_CLOUD_CAPABILITIES: Capabilities = {
  pollMs: 1_000,
  waitMs: 180_000,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** For a simulator on a manual clock: every poll advances the clock instead of waiting. */
export function manualClockCapabilities(clock: { advance(ms: number): void }): Capabilities {
  return {
    pollMs: 250,
    waitMs: 120_000,
    sleep: async (ms) => {
      clock.advance(ms);
      await new Promise((r) => setImmediate(r));
    },
  };
}
