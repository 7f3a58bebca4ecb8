import { defineConfig } from 'vitest/config';

// Run every test in a non-UTC zone so local-time bugs show up.
// Set here (before the pool starts, so forked workers inherit it) and in
// test.env (which vitest applies inside each worker before tests run).
const TEST_TZ = 'America/Los_Angeles';
process.env.TZ = TEST_TZ;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/freeze-inputs.ts'],
    environment: 'node',
    env: { TZ: TEST_TZ },
    // The Kusto analyzer (oracle) takes a couple of seconds to load.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
