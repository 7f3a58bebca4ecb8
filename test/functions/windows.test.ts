/**
 * The windows family (src/functions/windows/): row_cumsum, row_rank_dense, row_rank_min over serialized row
 * sets. Expected values are the examples of each function's docs page (data-explorer/kusto/query/
 * <name>-function.md), or worked by hand where marked.
 */
import { describe, expect, it } from 'vitest';
import { runKql, runKqlAsync } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { expectSemantic, at } from '../operators/helpers.js';

function column(q: string, name: string): unknown[] {
  return runKql(q).rows.map((r) => r[name]);
}

const DEPARTURES = `datatable (Airport:string, Airline:string, Departures:long)
[
  "SEA", "LH", 3,
  "SEA", "LY", 100,
  "SEA", "UA", 3,
  "SEA", "BA", 2,
  "SEA", "EL", 3
]`;

describe('row_cumsum (docs examples)', () => {
  it('the cumulative sum of the first even integers', () => {
    const q = `datatable (a:long) [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10
]
| where a%2==0
| serialize cs=row_cumsum(a)`;
    expect(runKql(q).rows).toEqual([
      { a: 2, cs: 2 }, { a: 4, cs: 6 }, { a: 6, cs: 12 }, { a: 8, cs: 20 }, { a: 10, cs: 30 },
    ]);
  });

  it('restarting per partition', () => {
    const q = `datatable (name:string, month:int, salary:long)
[
    "Alice", 1, 1000,
    "Bob",   1, 1000,
    "Alice", 2, 2000,
    "Bob",   2, 1950,
    "Alice", 3, 1400,
    "Bob",   3, 1450,
]
| order by name asc, month asc
| extend total=row_cumsum(salary, name != prev(name))`;
    expect(runKql(q).rows).toEqual([
      { name: 'Alice', month: 1, salary: 1000, total: 1000 },
      { name: 'Alice', month: 2, salary: 2000, total: 3000 },
      { name: 'Alice', month: 3, salary: 1400, total: 4400 },
      { name: 'Bob', month: 1, salary: 1000, total: 1000 },
      { name: 'Bob', month: 2, salary: 1950, total: 2950 },
      { name: 'Bob', month: 3, salary: 1450, total: 4400 },
    ]);
  });
});

describe('row_rank_dense and row_rank_min (docs examples)', () => {
  it('row_rank_dense ranks airlines by departures', () => {
    const q = `${DEPARTURES}
| sort by Departures asc
| extend Rank=row_rank_dense(Departures)`;
    expect(runKql(q).rows.map((r) => [r.Airline, r.Departures, r.Rank])).toEqual([
      ['BA', 2, 1], ['LH', 3, 2], ['UA', 3, 2], ['EL', 3, 2], ['LY', 100, 3],
    ]);
  });

  it('row_rank_dense per partition', () => {
    const q = `datatable (Airport:string, Airline:string, Departures:long)
[
  "SEA", "LH", 3,
  "SEA", "LY", 100,
  "SEA", "UA", 3,
  "SEA", "BA", 2,
  "SEA", "EL", 3,
  "AMS", "EL", 1,
  "AMS", "BA", 1
]
| sort by Airport desc, Departures asc
| extend Rank=row_rank_dense(Departures, prev(Airport) != Airport)`;
    expect(runKql(q).rows.map((r) => [r.Airport, r.Airline, r.Departures, r.Rank])).toEqual([
      ['SEA', 'BA', 2, 1], ['SEA', 'LH', 3, 2], ['SEA', 'UA', 3, 2], ['SEA', 'EL', 3, 2], ['SEA', 'LY', 100, 3],
      ['AMS', 'EL', 1, 1], ['AMS', 'BA', 1, 1],
    ]);
  });

  it('row_rank_min ranks airlines by departures', () => {
    const q = `${DEPARTURES}
| sort by Departures asc
| extend Rank=row_rank_min(Departures)`;
    expect(runKql(q).rows.map((r) => [r.Airline, r.Departures, r.Rank])).toEqual([
      ['BA', 2, 1], ['LH', 3, 2], ['UA', 3, 2], ['EL', 3, 2], ['LY', 100, 5],
    ]);
  });
});

describe('row-window functions: worked by hand', () => {
  it('row_cumsum keeps the term type: int wraps at 32 bits, long is exact beyond 2^53, real adds doubles', () => {
    expect(column('range a from 1 to 3 step 1 | extend c = row_cumsum(int(2147483647))', 'c')).toEqual([2147483647, -2, 2147483645]);
    expect(column('range a from 1 to 3 step 1 | extend c = row_cumsum(4611686018427387904)', 'c')).toEqual([
      4611686018427387904n, -9223372036854775808n, -4611686018427387904n,
    ]);
    expect(column('range a from 1 to 3 step 1 | extend c = row_cumsum(9007199254740991)', 'c')).toEqual([
      9007199254740991, 18014398509481982n, 27021597764222973n,
    ]);
    expect(column('range a from 1 to 3 step 1 | extend c = row_cumsum(a * 0.5)', 'c')).toEqual([0.5, 1.5, 3]);
  });

  it('row_cumsum: a null term adds nothing, a null restart does not restart, restart on the first row', () => {
    const q = `datatable (v:long, r:bool) [long(null), bool(null), 5, false, long(null), bool(null), 2, true, 3, bool(null)]
| extend c = row_cumsum(v, r)`;
    expect(column(q, 'c')).toEqual([0, 5, 5, 2, 5]);
  });

  it('row_rank_dense/min: nulls form their own run, strings compare exactly, restart resets the row number', () => {
    const q = `datatable (s:string, d:datetime) ["a", datetime(2024-01-01), "a", datetime(2024-01-01), "A", datetime(null), "b", datetime(null), "b", datetime(2024-01-01)]
| extend ds = row_rank_dense(s), ms = row_rank_min(s), dd = row_rank_dense(d), md = row_rank_min(d), mr = row_rank_min(s, s == "b")`;
    expect(runKql(q).rows.map((r) => [r.ds, r.ms, r.dd, r.md, r.mr])).toEqual([
      [1, 1, 1, 1, 1], [1, 1, 1, 1, 1], [2, 3, 2, 3, 3], [3, 4, 2, 3, 1], [3, 4, 3, 5, 1],
    ]);
  });

  it('in where and project, each row set is counted from its first row; a second run starts over', () => {
    expect(runKql('range a from 1 to 6 step 1 | where row_cumsum(a) <= 10 | project a, r = row_rank_min(a % 2)').rows).toEqual([
      { a: 1, r: 1 }, { a: 2, r: 2 }, { a: 3, r: 3 }, { a: 4, r: 4 },
    ]);
    const q = 'let T = range a from 1 to 3 step 1 | extend c = row_cumsum(a); union T, T';
    expect(column(q, 'c')).toEqual([1, 3, 6, 1, 3, 6]);
  });

  it('outside the row-by-row operators the result is null, like row_number', () => {
    expect(runKql('range a from 1 to 3 step 1 | summarize x = max(row_cumsum(a))').rows).toEqual([{ x: null }]);
  });

  it('the same results when runKqlAsync runs the input in slices', async () => {
    const T = Array.from({ length: 20_000 }, (_, i) => ({ I: i, S: `s${Math.floor(i / 7)}` }));
    const q = 'T | serialize | extend c = row_cumsum(I, I % 1000 == 0), d = row_rank_dense(S), m = row_rank_min(S) | where I % 997 == 0';
    const sync = runKql(q, { T });
    expect(await runKqlAsync(q, { T })).toEqual(sync);
    expect(sync.rows[2]).toEqual({ I: 1994, S: 's284', c: 1994 * 1995 / 2 - 1000 * 1001 / 2 + 1000, d: 285, m: 1989 });
  });

  it('wrong argument types are semantic errors', () => {
    const S = {};
    const q1 = 'range a from 1 to 3 step 1 | extend b = row_cumsum("x")';
    expectSemantic(q1, S, 'SEM_TYPE_MISMATCH', 1, at(q1, '"x"'));
    const q2 = 'range a from 1 to 3 step 1 | extend b = row_cumsum(a, 1)';
    expectSemantic(q2, S, 'SEM_TYPE_MISMATCH', 1, at(q2, '1)'));
    const q3 = 'range a from 1 to 3 step 1 | extend b = row_rank_dense(dynamic([1]))';
    expectSemantic(q3, S, 'SEM_TYPE_MISMATCH', 1, at(q3, 'dynamic'));
    const q4 = 'range a from 1 to 3 step 1 | extend b = row_rank_min(a, "yes")';
    expectSemantic(q4, S, 'SEM_TYPE_MISMATCH', 1, at(q4, '"yes"'));
    const q5 = 'range a from 1 to 3 step 1 | extend b = row_cumsum(1s)';
    expectSemantic(q5, S, 'SEM_TYPE_MISMATCH', 1, at(q5, '1s'));
  });

  it('result types agree with the analyzer', () => {
    const q = `range a from 1 to 3 step 1 | serialize | extend b = row_cumsum(a), c = row_cumsum(todouble(a)), d = row_cumsum(toint(a)),
 e = row_rank_dense(a), f = row_rank_min(tostring(a)), g = row_cumsum(a, true), h = row_rank_dense(now(), a > 1), i = row_cumsum(decimal(1)),
 j = row_rank_min(1s, false)`;
    expect(formatColumns(runKql(q).columns)).toBe(formatColumns(analyzeWithOracle(q).columns));
  });
});
