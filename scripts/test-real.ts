/**
 * `npm run test:real`: the real-cloud tier. The contract suites (Vitest, vitest.real.config.ts) and the
 * end-to-end flows (Playwright, playwright.real.config.ts) against the cloud named by OS_CLOUD / OS_*,
 * sharing one run prefix and one set of fixtures; then deletes everything with that prefix, lists again
 * and prints what is left behind; then the counts per tier and a final `N passed, N failed` line.
 *
 * Outside CI with no cloud configured it says it did not run, and how to run it (exit 0). In CI (CI=true)
 * it may not skip: an unconfigured, unmarked or unreachable cloud fails the run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanupRun } from '../src/contract/cleanup';
import { cleanupRunUsers, openKeystoneAdmin } from '../src/contract/keystone-users';
import { ENV, HOW_TO_RUN, openSessions, resolveRealClouds } from '../src/contract/real-cloud';
import { makeRunPrefix } from '../src/contract/run-prefix';
import { REAL_CLOUD_CAPABILITIES } from '../src/contract/target';

interface Tier {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  ok: boolean;
}

const inCI = process.env.CI === 'true' || process.env.CI === '1';
const started = Date.now();
const secs = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const out = path.resolve('test-results');
mkdirSync(out, { recursive: true });

function notRun(reason: string): never {
  console.log(`\nreal-cloud tier: NOT RUN — ${reason}`);
  if (inCI) {
    console.log('CI=true: the real-cloud tier may not skip, so this run fails.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log(HOW_TO_RUN);
  console.log('0 passed, 0 failed (not run)');
  process.exit(0);
}

const resolved = resolveRealClouds(process.env);
if (resolved.kind === 'unconfigured' || resolved.kind === 'not-test-cloud') notRun(resolved.message);
if (resolved.kind === 'invalid') {
  console.log(`\nreal-cloud tier: FAILED — ${resolved.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const clouds = resolved.clouds;

let sessions: Awaited<ReturnType<typeof openSessions>>;
try {
  sessions = await openSessions(clouds);
} catch (e) {
  console.log(
    `\nreal-cloud tier: FAILED — cannot reach or log in to the cloud (${clouds.admin.name}): ` +
      `${e instanceof Error ? e.message : String(e)}`,
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const prefix = process.env[ENV.prefix] ?? makeRunPrefix();
// Not under test-results/: Playwright empties its output folder when it starts.
const fixturesFile = path.join(os.tmpdir(), `${prefix}fixtures.json`);
rmSync(fixturesFile, { force: true });
const shared = { [ENV.prefix]: prefix, [ENV.fixturesFile]: fixturesFile, [ENV.keepFixtures]: '1' };
console.log(
  `real-cloud tier on ${clouds.admin.name} (member ${clouds.member.name}, other ${clouds.other.name}); prefix ${prefix}`,
);

function run(cmd: string, args: string[], env: Record<string, string>): number {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function vitestTier(): Tier {
  const name = 'contract on the real cloud (vitest)';
  const file = path.join(out, 'vitest-real.json');
  rmSync(file, { force: true });
  const code = run(
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'vitest.real.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    shared,
  );
  if (!existsSync(file)) return { name, passed: 0, failed: 1, skipped: 0, ok: false };
  const j = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    name,
    passed: j.numPassedTests,
    failed: j.numFailedTests,
    skipped: j.numPendingTests + j.numTodoTests,
    ok: code === 0,
  };
}

function playwrightTier(): Tier {
  const name = 'end-to-end on the real cloud (playwright)';
  if (!existsSync(fixturesFile)) {
    console.log('end-to-end flows not run: the fixtures were not created (see the contract tier above)');
    return { name, passed: 0, failed: 1, skipped: 0, ok: false };
  }
  const file = path.join(out, 'playwright-real.json');
  rmSync(file, { force: true });
  const code = run(
    'npx',
    ['playwright', 'test', '--config', 'playwright.real.config.ts', '--reporter=list,json'],
    {
      ...shared,
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    },
  );
  if (!existsSync(file)) return { name, passed: 0, failed: 1, skipped: 0, ok: false };
  const j = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    name,
    passed: j.stats.expected + j.stats.flaky,
    failed: j.stats.unexpected,
    skipped: j.stats.skipped,
    ok: code === 0,
  };
}

const tiers: Tier[] = [];
try {
  tiers.push(vitestTier());
  tiers.push(playwrightTier());
} finally {
  console.log(`\ncleaning up everything named ${prefix}* (${secs()})`);
  const r = await cleanupRun({
    sessions: [sessions.admin, sessions.member, sessions.other],
    prefix,
    capabilities: REAL_CLOUD_CAPABILITIES,
    log: (l) => console.log(`  ${l}`),
  });
  for (const e of r.errors) console.log(`  cleanup error: ${e}`);
  // Keystone users the team-mode tests created (a reader-only person).
  const leftBehind = [...r.leftBehind];
  try {
    const keystone = await openKeystoneAdmin(clouds.admin);
    const users = await cleanupRunUsers(keystone, prefix).finally(() => keystone.revoke());
    if (users.deleted > 0) console.log(`  deleted ${users.deleted} Keystone users`);
    leftBehind.push(...users.leftBehind);
  } catch (e) {
    console.log(`  cleanup error: Keystone users: ${e instanceof Error ? e.message : String(e)}`);
    leftBehind.push(`Keystone users of ${prefix} (could not list them)`);
  }
  for (const l of leftBehind) console.log(`  still there: ${l}`);
  console.log(`left behind: ${leftBehind.length}`);
  rmSync(fixturesFile, { force: true });
  tiers.push({
    name: 'cleanup (nothing left behind)',
    passed: leftBehind.length === 0 ? 1 : 0,
    failed: leftBehind.length === 0 ? 0 : 1,
    skipped: 0,
    ok: leftBehind.length === 0,
  });
}

console.log(`\n== Glance Lineage real-cloud tier (${clouds.admin.name}, ${secs()}) ==`);
for (const t of tiers) console.log(`${t.name}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
const passed = tiers.reduce((a, t) => a + t.passed, 0);
const failed = tiers.reduce((a, t) => a + t.failed + (t.ok || t.failed > 0 ? 0 : 1), 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
