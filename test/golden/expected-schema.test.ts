/**
 * The hand-written expected.json of every golden case must declare the result schema that
 * Microsoft's analyzer (the oracle) reports for its query. Runs without our engine.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { schemasFor } from '../support/queries.js';
import { loadGoldenCases } from './compare.js';

const cases = loadGoldenCases(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'queries'));

describe('golden expected.json columns agree with the oracle', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const oracle = analyzeWithOracle(c.query, schemasFor(join(c.dir, c.queryFile)));
    expect(oracle.errors).toEqual([]);
    expect(formatColumns(c.expected.columns)).toBe(formatColumns(oracle.columns));
  });

  test('every expected row has exactly the declared columns', () => {
    for (const c of cases) {
      const names = c.expected.columns.map((x) => x.name).sort();
      for (const r of c.expected.rows) expect(Object.keys(r).sort(), c.name).toEqual(names);
    }
  });
});
