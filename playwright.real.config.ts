/**
 * End-to-end flows on a real cloud (part of `npm run test:real`). The app runs against the member cloud
 * (the project that owns the seeded lineage); the fixtures come from the real tier's global setup
 * (`src/contract/real-global-setup.ts`, through GLANCE_LINEAGE_FIXTURES_FILE) or, when this config runs
 * alone, from e2e/real/global-setup.ts, which creates them and deletes them again afterwards.
 */
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './e2e/chromium';

/** Not the lab's ports (3306, 5000, 5672, 8774, 8778, 9292, 9696) nor the simulator e2e port (4318). */
const PORT = Number(process.env.E2E_REAL_PORT ?? 4319);
const MEMBER_CLOUD = process.env.GLANCE_LINEAGE_MEMBER_CLOUD ?? 'lab-demo';

export default defineConfig({
  testDir: './e2e/real',
  testMatch: '**/*.real.spec.ts',
  outputDir: 'test-results/e2e-real',
  timeout: 120_000,
  workers: 1,
  forbidOnly: !!process.env.CI,
  globalSetup: './e2e/real/global-setup.ts',
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium-real',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
  ],
  webServer: {
    command: `npx vite build && npx tsx src/server/main.ts --cloud ${MEMBER_CLOUD} --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
  },
});
