import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // the unit tests use the test hooks (src/app/backend/testHooks.ts)
  define: { __TEST_HOOKS__: 'true' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Vitest keeps one core for itself by default (one worker on a 2-core machine); the tests are CPU-bound
    // while the main process waits, so every core runs a test file.
    maxWorkers: availableParallelism(),
  },
});
