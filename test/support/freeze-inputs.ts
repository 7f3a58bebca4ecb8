/**
 * Test setup (vitest.config.ts setupFiles): every run in every test sees deep-frozen input, so any
 * mutation of the caller's tables, watchlists, external data or parameters by the engine throws
 * (and fails the test) instead of passing unnoticed. Wraps the two entry points every other API
 * (runRule, scenarios, the CLI's in-process helpers) goes through.
 */
import { vi } from 'vitest';

// vi.mock factories are hoisted above the imports, so the wrapper they share is hoisted too.
const { freezing } = vi.hoisted(() => ({
  /** fn(query, tables, options) that first deep-freezes the tables and the options' data. */
  freezing<F extends (query: string, tables?: never, options?: never) => unknown>(fn: F, freeze: (value: unknown) => void): F {
    return ((query: string, tables?: never, options?: Options) => {
      try {
        freeze(tables);
        if (options) freeze([options.watchlists, options.externalData, options.parameters, options.schemas]);
      } catch {
        // Hostile inputs (a Proxy whose traps throw) are the engine's to report, not the freezer's.
      }
      return fn(query, tables, options as never);
    }) as F;
  },
}));

type Options = { watchlists?: unknown; externalData?: unknown; parameters?: unknown; schemas?: unknown };

vi.mock('../../src/run-kql.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/run-kql.js')>();
  const { deepFreeze } = await import('./deep-freeze.js');
  return { ...mod, runKql: freezing(mod.runKql, deepFreeze) };
});

vi.mock('../../src/run-kql-async.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/run-kql-async.js')>();
  const { deepFreeze } = await import('./deep-freeze.js');
  return { ...mod, runKqlAsync: freezing(mod.runKqlAsync, deepFreeze) };
});
