/** fork and facet: several result tables (docs examples over StormEvents: a small table by hand). */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { analyzeWithOracle } from '../support/oracle.js';
import { expectBothReject } from './oracle-check.js';

const STORMS = 'datatable(State:string, EventType:string, DeathsDirect:long, InjuriesDirect:long) ["FLORIDA","Heavy Rain",2,0, "FLORIDA","Hail",0,3, "ALASKA","Heavy Snow",0,0, "FLORIDA","Heavy Rain",0,0]';
const T = { T: [{ name: 'a', type: 'long' as const }, { name: 's', type: 'string' as const }] };

describe('fork', () => {
  it('docs: unnamed and named legs (by name = and by as)', () => {
    const unnamed = runKql(`${STORMS} | where State == "FLORIDA" | fork ( where DeathsDirect > 1) ( where InjuriesDirect > 1)`, {});
    expect(unnamed.results?.map((r) => [r.name, r.rows.map((x) => x.EventType)])).toEqual([[undefined, ['Heavy Rain']], [undefined, ['Hail']]]);
    expect(unnamed.rows).toEqual(unnamed.results?.[0].rows);
    const named = runKql(`${STORMS} | fork StormsWithDeaths = (where DeathsDirect > 1) StormsWithInjuries = (where InjuriesDirect > 1)`, {});
    expect(named.results?.map((r) => r.name)).toEqual(['StormsWithDeaths', 'StormsWithInjuries']);
    const viaAs = runKql(`${STORMS} | fork (where DeathsDirect > 1 | as StormsWithDeaths) (count)`, {});
    expect(viaAs.results?.map((r) => [r.name, r.columns.map((c) => c.name)])).toEqual([['StormsWithDeaths', ['State', 'EventType', 'DeathsDirect', 'InjuriesDirect']], [undefined, ['Count']]]);
    expect(viaAs.results?.[1].rows).toEqual([{ Count: 4 }]);
  });
  it('parses where the analyzer does', () => {
    expect(analyzeWithOracle('T | fork c=(count) (where a > 1 | take 1)', T).errors).toEqual([]);
    expectBothReject('T | fork', T);
  });
});

describe('facet', () => {
  it('docs: a with table, then a count table per column', () => {
    const r = runKql(`${STORMS} | facet by State, EventType with (where DeathsDirect == 0 | project State, EventType | take 2)`, {});
    expect(r.results?.map((x) => x.name)).toEqual([undefined, 'State', 'EventType']);
    expect(r.rows).toEqual([{ State: 'FLORIDA', EventType: 'Hail' }, { State: 'ALASKA', EventType: 'Heavy Snow' }]);
    expect(r.results?.[1].rows).toEqual([{ State: 'FLORIDA', count_State: 3 }, { State: 'ALASKA', count_State: 1 }]);
    expect(r.results?.[2].rows).toEqual([{ EventType: 'Heavy Rain', count_EventType: 2 }, { EventType: 'Hail', count_EventType: 1 }, { EventType: 'Heavy Snow', count_EventType: 1 }]);
  });
  it('without with: the first table is the first column counts', () => {
    expect(runKql(`${STORMS} | facet by State`, {}).rows).toEqual([{ State: 'FLORIDA', count_State: 3 }, { State: 'ALASKA', count_State: 1 }]);
    expect(analyzeWithOracle('T | facet by s, a', T).errors).toEqual([]);
    expectBothReject('T | facet s', T);
  });
});
