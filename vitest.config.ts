import { configDefaults, defineConfig } from 'vitest/config';

// Run every test in a non-UTC zone so local-time bugs show up.
// Set here (before the pool starts, so forked workers inherit it) and in
// test.env (which vitest applies inside each worker before tests run).
const TEST_TZ = 'America/Los_Angeles';
process.env.TZ = TEST_TZ;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The playground's tests need a browser: npm run test:browser (vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    setupFiles: ['test/support/freeze-inputs.ts'],
    environment: 'node',
    env: { TZ: TEST_TZ },
    // Generous on purpose: tests assert no time, and must pass on a slow, busy 2-core machine (the
    // Kusto analyzer takes seconds to load, CLI tests spawn processes). Only a real hang hits this.
    // Do not set shorter per-test timeouts.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
