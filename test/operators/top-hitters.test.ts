/** top-hitters (top-hitters-operator.md); the docs run over StormEvents: small inline tables worked out by hand. */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { expectBothReject, expectOracleSchema } from './oracle-check.js';

const T = { T: [{ name: 'a', type: 'long' as const }, { name: 's', type: 'string' as const }] };
const DATA = 'datatable(EventType:string, State:string, EventId:long) ["Hail", "TX", 10, "Wind", "GA", 5, "Hail", "TX", 1, "Flood", "GA", 100, "Wind", "TX", 2, "Hail", "OH", 3]';

describe('top-hitters', () => {
  it('counts each value (most frequent first)', () => {
    expect(runKql(`${DATA} | top-hitters 2 of EventType`, {}).rows).toEqual([
      { EventType: 'Hail', approximate_count_EventType: 3 },
      { EventType: 'Wind', approximate_count_EventType: 2 },
    ]);
  });
  it('sums the by expression per value, largest first', () => {
    expect(runKql(`${DATA} | top-hitters 2 of EventType by EventId`, {}).rows).toEqual([
      { EventType: 'Flood', approximate_sum_EventId: 100 },
      { EventType: 'Hail', approximate_sum_EventId: 14 },
    ]);
  });
  it('docs: where EventType == ... | top-hitters 10 of State', () => {
    expect(runKql(`${DATA} | where EventType == "Hail" | top-hitters 10 of State`, {}).rows).toEqual([
      { State: 'TX', approximate_count_State: 2 },
      { State: 'OH', approximate_count_State: 1 },
    ]);
  });
  it('schemas agree with the analyzer', () => {
    expectOracleSchema('T | top-hitters 2 of s', T);
    expectOracleSchema('T | top-hitters 2 of s by a', T);
    expectOracleSchema('T | top-hitters 2 of s by toint(a)', T);
    expectOracleSchema('T | top-hitters 2 of s by toreal(a)', T);
    expectOracleSchema('T | top-hitters 2 of s by a * 2', T);
    expectOracleSchema('T | top-hitters 2 of a', T);
    expectBothReject('T | top-hitters 2 of a + 1', T);
    expectBothReject('T | top-hitters 2 of s by tostring(a)', T);
    expectBothReject('T | top-hitters 2.5 of s', T);
  });
});
