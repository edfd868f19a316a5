/**
 * `npm test`: every tier that needs no real cloud, then a closing summary with the counts per tier.
 * unit + proxy + simulator + contract-on-simulator (Vitest), then end-to-end in Chromium (Playwright).
 * The real-cloud tier is `npm run test:real` (CI runs it against the lab right after this).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

interface Tier {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  ok: boolean;
}

const out = path.resolve('test-results');
mkdirSync(out, { recursive: true });

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function vitestTier(): Tier {
  const file = path.join(out, 'vitest.json');
  const code = run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  if (!existsSync(file))
    return { name: 'unit/proxy/sim (vitest)', passed: 0, failed: 1, skipped: 0, ok: false };
  const j = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    name: 'unit/proxy/sim (vitest)',
    passed: j.numPassedTests,
    failed: j.numFailedTests,
    skipped: j.numPendingTests + j.numTodoTests,
    ok: code === 0,
  };
}

function playwrightTier(): Tier {
  const file = path.join(out, 'playwright.json');
  const code = run('npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  });
  if (!existsSync(file))
    return { name: 'end-to-end (playwright)', passed: 0, failed: 1, skipped: 0, ok: false };
  const j = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    name: 'end-to-end (playwright)',
    passed: j.stats.expected + j.stats.flaky,
    failed: j.stats.unexpected,
    skipped: j.stats.skipped,
    ok: code === 0,
  };
}

const tiers = [vitestTier(), playwrightTier()];

console.log('\n== Glance Lineage test summary ==');
for (const t of tiers) {
  console.log(`${t.name}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
}
const realConfigured = Boolean(process.env.OS_CLOUD || process.env.OS_AUTH_URL);
if (!realConfigured) {
  console.log(
    'real-cloud tier: not run (no cloud configured). Run it with OS_CLOUD=<name> npm run test:real ' +
      '(see README, "Real-cloud tier").',
  );
} else {
  console.log('real-cloud tier: run it with `npm run test:real` (CI does, against the lab).');
}
const passed = tiers.reduce((a, t) => a + t.passed, 0);
const failed = tiers.reduce((a, t) => a + t.failed + (t.ok || t.failed > 0 ? 0 : 1), 0);
const skipped = tiers.reduce((a, t) => a + t.skipped, 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || tiers.some((t) => !t.ok) ? 1 : 0);
