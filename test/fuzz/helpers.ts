import fc from 'fast-check';
import { checkCase, genRand, isFailure, describeQuery, describeTables, type Rand, type Tables } from '../../scripts/fuzz-lib.js';

export const SEED = 20240502;

/**
 * fast-check property over fc.gen(): builds a case from a Rand and fails on a crash, a bad position,
 * a touched prototype or input. Never on time: `npm run fuzz` reports slow cases (> SLOW_MS).
 */
export function assertNoFailure(build: (r: Rand) => { query: string; tables: Tables }, numRuns: number, seed = SEED): void {
  fc.assert(
    fc.property(fc.gen(), (g) => {
      const { query, tables } = build(genRand(g));
      const res = checkCase(query, tables);
      if (isFailure(res)) {
        const err = res.error instanceof Error ? res.error.stack?.split('\n').slice(0, 4).join('\n') : String(res.error);
        throw new Error(`${res.outcome} ${res.code ?? ''} (${res.ms.toFixed(0)} ms) ${res.problems.join('; ')}\nquery: ${describeQuery(query)}\ntables: ${describeTables(tables)}\n${err}`);
      }
    }),
    { seed, numRuns },
  );
}
