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
  /** Passed only on a retry (Playwright in CI); counted in `passed` and named in the summary. */
  flaky?: number;
}

const out = path.resolve('test-results');
mkdirSync(out, { recursive: true });

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

interface VitestJson {
  testResults: { name: string; assertionResults: { status: string }[] }[];
}

/** Which tier a Vitest file belongs to, by where it lives. */
function tierOf(file: string): string {
  const rel = path.relative(process.cwd(), file).split(path.sep).join('/');
  if (rel.endsWith('.tsx')) return 'component (jsdom, proxy + simulator in-process)';
  if (rel.startsWith('src/server/')) return 'proxy (in-process and one real socket)';
  if (rel.startsWith('src/contract/')) return 'contract (on the simulator)';
  if (rel.startsWith('src/sim/')) return 'simulator';
  return 'unit (engine, clients, CLI)';
}

function vitestTiers(): Tier[] {
  const file = path.join(out, 'vitest.json');
  const code = run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  if (!existsSync(file)) return [{ name: 'vitest', passed: 0, failed: 1, skipped: 0, ok: false }];
  const j = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  const tiers = new Map<string, Tier>();
  for (const f of j.testResults) {
    const name = tierOf(f.name);
    const t = tiers.get(name) ?? { name, passed: 0, failed: 0, skipped: 0, ok: true };
    for (const a of f.assertionResults) {
      if (a.status === 'passed') t.passed++;
      else if (a.status === 'failed') {
        t.failed++;
        t.ok = false;
      } else t.skipped++;
    }
    tiers.set(name, t);
  }
  const list = [...tiers.values()].sort((a, b) => a.name.localeCompare(b.name));
  // A run that failed outside any test (a file that did not load) still fails its tiers.
  if (code !== 0 && list.every((t) => t.failed === 0))
    list.push({ name: 'vitest (run error)', passed: 0, failed: 1, skipped: 0, ok: false });
  return list;
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
    flaky: j.stats.flaky,
  };
}

const tiers = [...vitestTiers(), playwrightTier()];

console.log('\n== Glance Lineage test summary ==');
for (const t of tiers) {
  const flaky = t.flaky ? ` (${t.flaky} of them flaky: failed once, passed on the retry)` : '';
  console.log(`${t.name}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped${flaky}`);
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
