import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the playground in a real Chromium (test/browser/), apart from `npm test`
// because it needs the browser (Debian's chromium package; .ci/run installs it) and the built page.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    // One browser at a time on a small machine; generous timeouts, as in vitest.config.ts (no test asserts time).
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
