/**
 * Test setup (vitest.config.ts setupFiles): every run in every test sees deep-frozen input, so any
 * mutation of the caller's tables, watchlists, external data or parameters by the engine throws
 * (and fails the test) instead of passing unnoticed. Wraps the two entry points every other API
 * (runRule, scenarios, the CLI's in-process helpers) goes through.
 */
import { vi } from 'vitest';
import { deepFreeze } from './deep-freeze.js';

type Options = { watchlists?: unknown; externalData?: unknown; parameters?: unknown; schemas?: unknown } | undefined;

function freezeInputs(tables: unknown, options: Options): void {
  try {
    deepFreeze(tables);
    if (options) deepFreeze([options.watchlists, options.externalData, options.parameters, options.schemas]);
  } catch {
    // Hostile inputs (a Proxy whose traps throw) are the engine's to report, not the freezer's.
  }
}

vi.mock('../../src/run-kql.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/run-kql.js')>();
  return {
    ...mod,
    runKql: (...args: Parameters<typeof mod.runKql>) => {
      freezeInputs(args[1], args[2]);
      return mod.runKql(...args);
    },
  };
});

vi.mock('../../src/run-kql-async.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/run-kql-async.js')>();
  return {
    ...mod,
    runKqlAsync: (...args: Parameters<typeof mod.runKqlAsync>) => {
      freezeInputs(args[1], args[2]);
      return mod.runKqlAsync(...args);
    },
  };
});
