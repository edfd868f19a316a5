/**
 * Vitest global setup of the real-cloud tier: checks the cloud (configured, reachable, marked as a test
 * cloud), creates the shared fixtures once, hands them to the tests (`inject('realRun')`) and, at the end,
 * deletes everything with the run prefix (also after a failed setup or failed tests) and lists again.
 * With GLANCE_LINEAGE_KEEP_FIXTURES=1 (set by scripts/test-real.ts, which cleans up itself after the
 * end-to-end flows) the fixtures stay.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { cleanupRun } from './cleanup';
import { createFixtures } from './fixtures';
import { cleanupRunUsers, openKeystoneAdmin } from './keystone-users';
import type { Fixtures } from './fixtures-types';
import { ENV, HOW_TO_RUN, openSessions, resolveRealClouds } from './real-cloud';
import { makeRunPrefix } from './run-prefix';
import { REAL_CLOUD_CAPABILITIES } from './target';

export interface RealRun {
  prefix: string;
  fixtures: Fixtures;
}

declare module 'vitest' {
  export interface ProvidedContext {
    realRun: RealRun;
  }
}

const log = (line: string) => console.log(`[real] ${line}`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const resolved = resolveRealClouds(process.env);
  if (resolved.kind !== 'ready')
    throw new Error(`real-cloud tier not run: ${resolved.message}\n${HOW_TO_RUN}`);
  const sessions = await openSessions(resolved.clouds);
  const prefix = process.env[ENV.prefix] ?? makeRunPrefix();
  const cleanup = async () => {
    log(`cleaning up everything named ${prefix}*`);
    const r = await cleanupRun({
      sessions: [sessions.admin, sessions.member, sessions.other],
      prefix,
      capabilities: REAL_CLOUD_CAPABILITIES,
      log,
    });
    for (const e of r.errors) log(`cleanup error: ${e}`);
    const keystone = await openKeystoneAdmin(resolved.clouds.admin);
    const users = await cleanupRunUsers(keystone, prefix).finally(() => keystone.revoke());
    const leftBehind = [...r.leftBehind, ...users.leftBehind];
    for (const l of leftBehind) log(`left behind: ${l}`);
    log(`left behind: ${leftBehind.length}`);
    if (leftBehind.length > 0) throw new Error(`${leftBehind.length} resources of ${prefix} left behind`);
  };

  log(
    `cloud ${resolved.clouds.admin.name} (member ${resolved.clouds.member.name}, other ${resolved.clouds.other.name}), prefix ${prefix}`,
  );
  let fixtures: Fixtures;
  try {
    fixtures = await createFixtures({ ...sessions, prefix, capabilities: REAL_CLOUD_CAPABILITIES, log });
  } catch (e) {
    log(`fixture creation failed: ${e instanceof Error ? e.message : String(e)}`);
    await cleanup();
    throw e;
  }
  const file = process.env[ENV.fixturesFile];
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(fixtures, null, 2));
  }
  project.provide('realRun', { prefix, fixtures });
  return async () => {
    if (process.env[ENV.keepFixtures] === '1') {
      log(`keeping the fixtures of ${prefix} for the end-to-end flows`);
      return;
    }
    await cleanup();
  };
}
