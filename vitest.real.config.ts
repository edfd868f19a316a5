/**
 * The real-cloud tier's Vitest config (`npm run test:real` runs it through scripts/test-real.ts).
 * Only `*.real.test.ts`, one file at a time, long timeouts: on the lab a server boots in ~10 s and a
 * snapshot takes 10-15 s. The global setup creates the shared fixtures once and deletes everything with
 * the run prefix afterwards, also after a failure.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'real',
    environment: 'node',
    include: ['src/**/*.real.test.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 240_000,
    hookTimeout: 900_000,
    teardownTimeout: 600_000,
    globalSetup: ['./src/contract/real-global-setup.ts'],
  },
});
