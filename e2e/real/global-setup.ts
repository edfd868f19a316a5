/**
 * Playwright global setup of the real-cloud end-to-end flows. Under `npm run test:real` the fixtures were
 * created by the contract tier (GLANCE_LINEAGE_FIXTURES_FILE) and are cleaned up by scripts/test-real.ts.
 * Run alone (`npx playwright test -c playwright.real.config.ts`), it creates them itself and deletes
 * everything with its run prefix afterwards.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cleanupRun } from '../../src/contract/cleanup';
import { createFixtures } from '../../src/contract/fixtures';
import { ENV, HOW_TO_RUN, openSessions, resolveRealClouds } from '../../src/contract/real-cloud';
import { makeRunPrefix } from '../../src/contract/run-prefix';
import { REAL_CLOUD_CAPABILITIES } from '../../src/contract/target';

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  const given = process.env[ENV.fixturesFile];
  if (given && existsSync(given)) return undefined;

  const resolved = resolveRealClouds(process.env);
  if (resolved.kind !== 'ready')
    throw new Error(`real-cloud end-to-end not run: ${resolved.message}\n${HOW_TO_RUN}`);
  const sessions = await openSessions(resolved.clouds);
  const prefix = makeRunPrefix();
  const all = [sessions.admin, sessions.member, sessions.other];
  const cleanup = async () => {
    const r = await cleanupRun({ sessions: all, prefix, capabilities: REAL_CLOUD_CAPABILITIES });
    console.log(`[real e2e] left behind: ${r.leftBehind.length}`);
  };
  const log = (l: string) => console.log(`[real e2e] ${l}`);
  try {
    const fixtures = await createFixtures({
      ...sessions,
      prefix,
      capabilities: REAL_CLOUD_CAPABILITIES,
      log,
    });
    const file = path.resolve('test-results', 'real-e2e-fixtures.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(fixtures, null, 2));
    process.env[ENV.fixturesFile] = file;
  } catch (e) {
    await cleanup();
    throw e;
  }
  return cleanup;
}
