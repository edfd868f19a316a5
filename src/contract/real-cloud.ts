/**
 * Which real cloud the real-cloud tier runs against, named the usual way: OS_CLOUD (or plain OS_*
 * variables) for the admin, and two more clouds.yaml entries for a member of one project and a member of
 * another (GLANCE_LINEAGE_MEMBER_CLOUD / GLANCE_LINEAGE_OTHER_CLOUD, default lab-demo / lab-alt).
 */
import { loadCloudConfig } from '../openstack/config';
import type { CloudConfig } from '../openstack/cloud-config';
import { KeystoneSession } from '../openstack/session';
import type { ContractSession } from './target';

export const ENV = {
  prefix: 'GLANCE_LINEAGE_RUN_PREFIX',
  fixturesFile: 'GLANCE_LINEAGE_FIXTURES_FILE',
  keepFixtures: 'GLANCE_LINEAGE_KEEP_FIXTURES',
  memberCloud: 'GLANCE_LINEAGE_MEMBER_CLOUD',
  otherCloud: 'GLANCE_LINEAGE_OTHER_CLOUD',
} as const;

export const HOW_TO_RUN =
  'To run it: put your cloud in clouds.yaml, mark it as a test cloud (glance_lineage: {test_cloud: true}), ' +
  'add entries for a member of one project and of another, then\n' +
  `  OS_CLOUD=<admin cloud> ${ENV.memberCloud}=<member cloud> ${ENV.otherCloud}=<other-project cloud> npm run test:real\n` +
  '(README, "Real-cloud tier").';

export type Env = Record<string, string | undefined>;

export interface RealClouds {
  admin: CloudConfig;
  member: CloudConfig;
  other: CloudConfig;
}

export type Resolution =
  | { kind: 'unconfigured'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'not-test-cloud'; message: string; clouds: RealClouds }
  | { kind: 'ready'; clouds: RealClouds };

export function cloudIsConfigured(env: Env): boolean {
  return Boolean(env.OS_CLOUD || env.OS_AUTH_URL);
}

function load(cloud: string | undefined, env: Env, role: string): CloudConfig {
  let config: CloudConfig | null;
  try {
    config = loadCloudConfig({ cloud, env });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`cannot load the ${role} cloud${cloud ? ` '${cloud}'` : ''}: ${why}`, { cause: e });
  }
  if (!config) throw new Error(`the ${role} cloud is not configured`);
  return config;
}

export function resolveRealClouds(env: Env): Resolution {
  if (!cloudIsConfigured(env))
    return { kind: 'unconfigured', message: 'no cloud configured (neither OS_CLOUD nor OS_AUTH_URL is set)' };
  let clouds: RealClouds;
  try {
    clouds = {
      admin: load(env.OS_CLOUD, env, 'admin (OS_CLOUD)'),
      member: load(
        env[ENV.memberCloud] ?? 'lab-demo',
        { ...env, OS_CLOUD: undefined },
        `member (${ENV.memberCloud})`,
      ),
      other: load(
        env[ENV.otherCloud] ?? 'lab-alt',
        { ...env, OS_CLOUD: undefined },
        `other-project (${ENV.otherCloud})`,
      ),
    };
  } catch (e) {
    return { kind: 'invalid', message: e instanceof Error ? e.message : String(e) };
  }
  const unmarked = [clouds.admin, clouds.member, clouds.other].filter((c) => !c.testCloud);
  if (unmarked.length > 0)
    return {
      kind: 'not-test-cloud',
      clouds,
      message:
        `not a test cloud: ${unmarked.map((c) => `'${c.name}' (${c.source})`).join(', ')}. The real-cloud tier ` +
        'creates and deletes servers and images, so it runs only on clouds marked with ' +
        '`glance_lineage: {test_cloud: true}` in clouds.yaml (or GLANCE_LINEAGE_TEST_CLOUD=1 for OS_* variables).',
    };
  return { kind: 'ready', clouds };
}

export async function openSessions(clouds: RealClouds): Promise<Record<keyof RealClouds, ContractSession>> {
  const [admin, member, other] = await Promise.all([
    KeystoneSession.open(clouds.admin),
    KeystoneSession.open(clouds.member),
    KeystoneSession.open(clouds.other),
  ]);
  return { admin, member, other };
}
