/**
 * The contract suites against a real cloud (the lab in CI). The fixtures come from the global setup
 * (real-global-setup.ts); the three sessions are opened here, in the test worker.
 */
import { beforeAll, describe, inject } from 'vitest';
import { openSessions, resolveRealClouds } from './real-cloud';
import { imageListContract } from './suite-image-list';
import { imageWriteContract } from './suite-image-write';
import { serverContract } from './suite-servers';
import { snapshotContract } from './suite-snapshots';
import { visibilityContract } from './suite-visibility';
import { REAL_CLOUD_CAPABILITIES, type ContractSession, type ContractTarget } from './target';

const run = inject('realRun');
const resolved = resolveRealClouds(process.env);
if (resolved.kind !== 'ready') throw new Error(`real-cloud tier: ${resolved.message}`);
const clouds = resolved.clouds;

let sessions: Record<'admin' | 'member' | 'other', ContractSession> | undefined;
const need = (): Record<'admin' | 'member' | 'other', ContractSession> => {
  if (!sessions) throw new Error('sessions are not open yet');
  return sessions;
};
const session = (role: 'admin' | 'member' | 'other'): ContractSession => ({
  request: (service, p, init) => need()[role].request(service, p, init),
  info: () => need()[role].info(),
});

const target: ContractTarget = {
  name: clouds.admin.name,
  admin: session('admin'),
  member: session('member'),
  other: session('other'),
  prefix: run.prefix,
  capabilities: REAL_CLOUD_CAPABILITIES,
  fixtures: () => run.fixtures,
};

describe(`contract on the real cloud ${clouds.admin.name}`, () => {
  beforeAll(async () => {
    sessions = await openSessions(clouds);
  });
  imageListContract(target);
  imageWriteContract(target);
  snapshotContract(target);
  serverContract(target);
  visibilityContract(target);
});
