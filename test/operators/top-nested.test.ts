/** top-nested (top-nested-operator.md): the docs' datatable example exactly; the StormEvents ones on small tables by hand. */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { expectBothReject, expectOracleSchema } from './oracle-check.js';

const run = (q: string) => runKql(q, {}, { timeAsText: true });
const T = { T: [{ name: 'a', type: 'long' as const }, { name: 's', type: 'string' as const }] };
const STORMS = 'datatable(State:string, EventType:string, EndLocation:string, DamageProperty:long) ["CA","Fire","X",10, "CA","Wind","Y",3, "CA","Fire","Z",1, "OK","Ice","",8, "TX","Hail","W",1, "OK","Flood","V",2]';

describe('top-nested', () => {
  it('docs: latest records per identity with other column data', () => {
    const q = `datatable(id: string, timestamp: datetime, otherInformation: string)
[
    "Barak", datetime(2015-01-01), "1",
    "Barak", datetime(2016-01-01), "2",
    "Barak", datetime(2017-01-20), "3",
    "Donald", datetime(2017-01-20), "4",
    "Donald", datetime(2017-01-18), "5",
    "Donald", datetime(2017-01-19), "6"
]
| top-nested of id by Ignore0=max(1),
  top-nested 2 of timestamp by Ignore1=max(timestamp),
  top-nested of otherInformation by Ignore2=max(1)
| project-away Ignore*`;
    expect(run(q).rows).toEqual([
      { id: 'Barak', timestamp: '2017-01-20T00:00:00.0000000Z', otherInformation: '3' },
      { id: 'Barak', timestamp: '2016-01-01T00:00:00.0000000Z', otherInformation: '2' },
      { id: 'Donald', timestamp: '2017-01-20T00:00:00.0000000Z', otherInformation: '4' },
      { id: 'Donald', timestamp: '2017-01-19T00:00:00.0000000Z', otherInformation: '6' },
    ]);
  });
  it('three levels, each within the previous (docs example 1 on a small table)', () => {
    const q = `${STORMS} | top-nested 2 of State by sum(DamageProperty), top-nested 3 of EventType by sum(DamageProperty), top-nested 1 of EndLocation by sum(DamageProperty)
| project State, EventType, EndLocation, StateTotalDamage = aggregated_State, EventTypeTotalDamage = aggregated_EventType, EndLocationDamage = aggregated_EndLocation`;
    expect(run(q).rows.map((r) => Object.values(r))).toEqual([
      ['CA', 'Fire', 'X', 14, 11, 10],
      ['CA', 'Wind', 'Y', 14, 3, 3],
      ['OK', 'Ice', '', 10, 8, 8],
      ['OK', 'Flood', 'V', 10, 2, 2],
    ]);
  });
  it('with others: one more row with the aggregate of the rest; asc ranks from the smallest', () => {
    expect(run(`${STORMS} | top-nested 1 of State with others = "OtherStates" by sum(DamageProperty)`).rows).toEqual([
      { State: 'CA', aggregated_State: 14 },
      { State: 'OtherStates', aggregated_State: 11 },
    ]);
    expect(run(`${STORMS} | top-nested 1 of State by sum(DamageProperty) asc`).rows).toEqual([{ State: 'TX', aggregated_State: 1 }]);
    expect(run(`${STORMS} | top-nested 2 of State by c = count() desc`).rows.map((r) => r.c)).toEqual([3, 2]);
  });
  it('schemas agree with the analyzer', () => {
    expectOracleSchema('T | top-nested 2 of s by sum(a)', T);
    expectOracleSchema('T | top-nested 2 of s with others="O" by sum(a), top-nested of x=a by c=count() asc', T);
    expectOracleSchema('T | top-nested of strlen(s) by max(a) desc', T);
    expectOracleSchema('T | top-nested 2 of s by sum(a) + 1', T);
    expectOracleSchema('T | top-nested 2 of s by avg(a)', T);
    expectBothReject('T | top-nested 2 of s', T);
    expectBothReject('T | top-nested 2 s by sum(a)', T);
  });
});
