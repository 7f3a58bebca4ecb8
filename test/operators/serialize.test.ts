/** serialize and the row-window functions row_number/prev/next (row-number-function.md, prev-function.md, next-function.md). */
import { describe, expect, it } from 'vitest';
import { analyzeKql } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { rows, expectSemantic, S, PEOPLE, EMPTY_PEOPLE, at } from './helpers.js';

describe('serialize, row_number, prev, next', () => {
  it('row_number counts from 1 (or the given start) in row order (docs)', () => {
    expect(rows('range a from 1 to 4 step 1 | sort by a desc | extend rn=row_number()')).toEqual([
      { a: 4, rn: 1 }, { a: 3, rn: 2 }, { a: 2, rn: 3 }, { a: 1, rn: 4 },
    ]);
    expect(rows('range a from 1 to 3 step 1 | sort by a desc | extend rn=row_number(7)').map((r) => r.rn)).toEqual([7, 8, 9]);
  });

  it('row_number restarts where the predicate is true: the docs partition example', () => {
    const q = `datatable (Airport:string, Airline:string, Departures:long)
["TLV", "LH", 1, "TLV", "LY", 100, "SEA", "LH", 1, "SEA", "BA", 2, "SEA", "LY", 0]
| sort by Airport asc, Departures desc
| extend Rank=row_number(1, prev(Airport) != Airport)`;
    expect(rows(q)).toEqual([
      { Airport: 'SEA', Airline: 'BA', Departures: 2, Rank: 1 },
      { Airport: 'SEA', Airline: 'LH', Departures: 1, Rank: 2 },
      { Airport: 'SEA', Airline: 'LY', Departures: 0, Rank: 3 },
      { Airport: 'TLV', Airline: 'LY', Departures: 100, Rank: 1 },
      { Airport: 'TLV', Airline: 'LH', Departures: 1, Rank: 2 },
    ]);
  });

  it('prev/next read neighbouring rows, with an offset and a default; out of range is null ("" for strings)', () => {
    expect(rows('range a from 1 to 4 step 1 | serialize | extend p = prev(a), n = next(a), p2 = prev(a, 2, -1)')).toEqual([
      { a: 1, p: null, n: 2, p2: -1 }, { a: 2, p: 1, n: 3, p2: -1 }, { a: 3, p: 2, n: 4, p2: 1 }, { a: 4, p: 3, n: null, p2: 2 },
    ]);
    expect(rows('P | serialize Prev = prev(Name), Next = next(Name) | project Name, Prev, Next', { P: PEOPLE })).toEqual([
      { Name: 'Ann', Prev: '', Next: 'Bob' }, { Name: 'Bob', Prev: 'Ann', Next: 'Cid' }, { Name: 'Cid', Prev: 'Bob', Next: 'Dee' }, { Name: 'Dee', Prev: 'Cid', Next: '' },
    ]);
  });

  it('where and project see the rows of their own input', () => {
    expect(rows('range a from 1 to 5 step 1 | where a % 2 == 1 | project a, d = a - prev(a)')).toEqual([{ a: 1, d: null }, { a: 3, d: 2 }, { a: 5, d: 2 }]);
    expect(rows('range a from 1 to 5 step 1 | serialize | where prev(a) == 2 or next(a) == 2')).toEqual([{ a: 1 }, { a: 3 }]);
  });

  it('null values and empty input', () => {
    expect(rows('P | serialize | extend PrevAge = prev(Age) | project PrevAge', { P: PEOPLE }).map((r) => r.PrevAge)).toEqual([null, 30, 25, null]);
    expect(rows('P | serialize rn = row_number()', { P: EMPTY_PEOPLE })).toEqual([]);
    expect(rows('P | serialize', { P: PEOPLE })).toHaveLength(4);
  });

  it('semantic errors: prev of an expression, a non-integer offset, a non-bool restart', () => {
    const q1 = 'P | serialize | extend x = prev(Age + 1)';
    expectSemantic(q1, S, 'SEM_TYPE_MISMATCH', 1, at(q1, 'Age + 1'));
    const q2 = 'P | serialize | extend x = next(Age, "1")';
    expectSemantic(q2, S, 'SEM_TYPE_MISMATCH', 1, at(q2, '"1"'));
    const q3 = 'P | serialize | extend x = row_number(1, Name)';
    expectSemantic(q3, S, 'SEM_TYPE_MISMATCH', 1, at(q3, 'Name)'));
  });

  it('result schemas agree with the analyzer', () => {
    for (const q of ['P | serialize', 'P | serialize r = row_number(), p = prev(Age), n = next(Name, 2, "x")', 'P | sort by Joined | extend p = prev(Joined), rn = row_number(1, City != prev(City))']) {
      expect(formatColumns(analyzeKql(q, { schemas: S }).columns), q).toBe(formatColumns(analyzeWithOracle(q, S).columns));
    }
  });
});
