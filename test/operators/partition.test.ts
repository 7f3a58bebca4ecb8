/** partition (partition-operator.md): the subquery runs over each partition's rows; hints are accepted. */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { expectBothReject, expectOracleSchema } from './oracle-check.js';

const T = { T: [{ name: 'a', type: 'long' as const }, { name: 's', type: 'string' as const }] };
const DATA = 'datatable(s:string, a:long) ["x", 1, "y", 5, "x", 3, "z", 2, "y", 4]';

describe('partition', () => {
  it('runs the subquery per value and unions the results', () => {
    expect(runKql(`${DATA} | partition by s (top 1 by a)`, {}).rows).toEqual([{ s: 'x', a: 3 }, { s: 'y', a: 5 }, { s: 'z', a: 2 }]);
    expect(runKql(`${DATA} | partition hint.strategy=native by s (summarize c = count(), m = max(a))`, {}).rows).toEqual([
      { c: 2, m: 3 }, { c: 2, m: 5 }, { c: 1, m: 2 },
    ]);
  });
  it('row-window functions restart in each partition', () => {
    expect(runKql(`${DATA} | partition by s (serialize n = row_number())`, {}).rows.map((r) => [r.s, r.a, r.n])).toEqual([
      ['x', 1, 1], ['x', 3, 2], ['y', 5, 1], ['y', 4, 2], ['z', 2, 1],
    ]);
  });
  it('schemas agree with the analyzer', () => {
    expectOracleSchema('T | partition by s (take 1)', T);
    expectOracleSchema('T | partition hint.strategy=native by s (summarize count())', T);
    expectBothReject('T | partition by s { take 1 }', T);
  });
});
