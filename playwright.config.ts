import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './e2e/chromium';
import os from 'node:os';
import path from 'node:path';

/** The e2e server's port; the lab holds 3306, 5000, 5672, 8774, 8778, 9292 and 9696. */
const PORT = Number(process.env.E2E_PORT ?? 4318);
/** The e2e server's audit log: a fresh file per run, never the user's own `.audit/`. */
const AUDIT_FILE = path.join(os.tmpdir(), `glance-lineage-e2e-audit-${process.pid}.jsonl`);
/** The team-mode e2e server (e2e/team-*.spec.ts): sign-in against the simulator's Keystone. */
const TEAM_PORT = Number(process.env.E2E_TEAM_PORT ?? 4320);
const TEAM_AUDIT_FILE = path.join(os.tmpdir(), `glance-lineage-e2e-team-audit-${process.pid}.jsonl`);
/** The read-only e2e server (e2e/read-only.spec.ts): `--read-only`, every change refused. */
const READ_ONLY_PORT = Number(process.env.E2E_READ_ONLY_PORT ?? 4322);
const READ_ONLY_AUDIT_FILE = path.join(
  os.tmpdir(),
  `glance-lineage-e2e-read-only-audit-${process.pid}.jsonl`,
);

export default defineConfig({
  testDir: './e2e',
  testIgnore: '**/*.real.spec.ts',
  timeout: 60_000,
  workers: 1,
  // In CI a test that fails is run once more; one that then passes is reported as flaky in the summary
  // (scripts/test-all.ts), so a flake shows without sinking the run.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['**/*.real.spec.ts', '**/team-*.spec.ts', '**/read-only.spec.ts'],
      use: { ...devices['Desktop Chrome'], launchOptions: CHROMIUM_LAUNCH },
    },
    {
      name: 'team',
      testMatch: '**/team-*.spec.ts',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: CHROMIUM_LAUNCH,
        baseURL: `http://127.0.0.1:${TEAM_PORT}`,
      },
    },
    {
      name: 'read-only',
      testMatch: '**/read-only.spec.ts',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: CHROMIUM_LAUNCH,
        baseURL: `http://127.0.0.1:${READ_ONLY_PORT}`,
      },
    },
  ],
  webServer: [
    {
      command: `npx vite build && node_modules/.bin/tsx --initial-heap-size=64 src/server/main.ts --demo --port ${PORT} --test-controls --audit-file ${AUDIT_FILE}`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'pipe',
    },
    {
      // Started after the first server, which builds dist/ (servers start in order).
      command: `node_modules/.bin/tsx --initial-heap-size=64 src/server/main.ts --demo --team --port ${TEAM_PORT} --test-controls --idle-minutes 30 --audit-file ${TEAM_AUDIT_FILE}`,
      url: `http://127.0.0.1:${TEAM_PORT}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      // Also after the first server (dist/). Read-only: the proxy refuses every change.
      command: `node_modules/.bin/tsx --initial-heap-size=64 src/server/main.ts --demo --read-only --port ${READ_ONLY_PORT} --test-controls --audit-file ${READ_ONLY_AUDIT_FILE}`,
      url: `http://127.0.0.1:${READ_ONLY_PORT}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
    },
  ],
});
