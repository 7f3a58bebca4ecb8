import { describe, expect, it } from 'vitest';
import { rows, cols, schemaOf, expectSemantic, at, unordered, PEOPLE, EMPTY_PEOPLE, S, d } from './helpers.js';

describe('summarize', () => {
  it('by-columns first, then aggregates with Kusto default names', () => {
    const q = 'P | summarize count(), sum(Age), avg(Age), min(Age), max(Age), dcount(Name), countif(Age > 26), make_set(City) by City';
    // oracle: City:string, count_:long, sum_Age:long, avg_Age:real, min_Age:long, max_Age:long, dcount_Name:long, countif_:long, set_City:dynamic
    expect(schemaOf(q, S)).toBe(
      'City:string, count_:long, sum_Age:long, avg_Age:real, min_Age:long, max_Age:long, dcount_Name:long, countif_:long, set_City:dynamic',
    );
    // Paris: Ann(30), Cid(null) -> aggregates skip the null Age.
    expect(unordered(rows(q, { P: PEOPLE }))).toEqual(
      unordered([
        { City: 'Paris', count_: 2, sum_Age: 30, avg_Age: 30, min_Age: 30, max_Age: 30, dcount_Name: 2, countif_: 1, set_City: ['Paris'] },
        { City: 'Oslo', count_: 1, sum_Age: 25, avg_Age: 25, min_Age: 25, max_Age: 25, dcount_Name: 1, countif_: 0, set_City: ['Oslo'] },
        { City: '', count_: 1, sum_Age: 41, avg_Age: 41, min_Age: 41, max_Age: 41, dcount_Name: 1, countif_: 1, set_City: [''] },
      ]),
    );
  });
  it('no by-clause gives one row', () => {
    expect(rows('P | summarize n = count(), total = sum(Age), mean = avg(Age)', { P: PEOPLE })).toEqual([{ n: 4, total: 96, mean: 32 }]);
  });
  it('summarize by bin(T, 1d) names the column after T and bins in UTC', () => {
    const q = 'P | summarize n = count() by bin(Joined, 1d)';
    expect(cols(q, { P: PEOPLE })).toBe('Joined:datetime, n:long');
    // Ann 08:00 and Bob 20:00 on Jan 1 UTC (Bob is Jan 1 12:00 in Los Angeles, but binning is UTC); Cid's null is its own group.
    expect(unordered(rows(q, { P: PEOPLE }))).toEqual(
      unordered([
        { Joined: d('2024-01-01T00:00:00Z'), n: 2 },
        { Joined: null, n: 1 },
        { Joined: d('2024-01-03T00:00:00Z'), n: 1 },
      ]),
    );
  });
  it('bin over a number', () => {
    expect(unordered(rows('range x from 1 to 25 step 6 | summarize c = count() by bin(x, 10)'))).toEqual(
      // x = 1, 7, 13, 19, 25 -> bins 0, 0, 10, 10, 20
      unordered([{ x: 0, c: 2 }, { x: 10, c: 2 }, { x: 20, c: 1 }]),
    );
  });
  it('arg_max(expr, *) returns the whole row of the max; output is by-column, expr, then the rest', () => {
    const q = 'P | summarize arg_max(Age, *) by City';
    expect(schemaOf(q, S)).toBe('City:string, Age:long, Name:string, Joined:datetime, Tags:dynamic');
    expect(unordered(rows(q, { P: PEOPLE }).map((r) => ({ City: r.City, Name: r.Name, Age: r.Age })))).toEqual(
      unordered([
        { City: 'Paris', Name: 'Ann', Age: 30 },
        { City: 'Oslo', Name: 'Bob', Age: 25 },
        { City: '', Name: 'Dee', Age: 41 },
      ]),
    );
  });
  it('a null group key is its own group, never ""', () => {
    const t = { T: { schema: [{ name: 'k', type: 'long' as const }], rows: [{ k: 1 }, { k: null }, { k: null }] } };
    expect(unordered(rows('T | summarize c = count() by k', t))).toEqual(unordered([{ k: 1, c: 1 }, { k: null, c: 2 }]));
  });
  it('summarize by only columns is distinct', () => {
    expect(unordered(rows('P | summarize by City', { P: PEOPLE }))).toEqual(unordered([{ City: 'Paris' }, { City: 'Oslo' }, { City: '' }]));
  });
  it('empty input without by: one row with count 0', () => {
    expect(rows('P | summarize count()', { P: EMPTY_PEOPLE })).toEqual([{ count_: 0 }]);
    expect(rows('P | where Age > 1000 | summarize n = count()', { P: PEOPLE })).toEqual([{ n: 0 }]);
  });
  it('empty input with by: no rows', () => {
    expect(rows('P | summarize count() by City', { P: EMPTY_PEOPLE })).toEqual([]);
  });
  it('wrong type: sum of a string', () => {
    const q = 'P | summarize sum(Name)';
    expectSemantic(q, S, 'SEM_TYPE_MISMATCH', 1, at(q, 'Name'));
  });
  it('unknown by column', () => {
    const q = 'P | summarize count() by Nope';
    expectSemantic(q, S, 'SEM_UNKNOWN_COLUMN', 1, at(q, 'Nope'));
  });
});
