/** runKql(..., { trace: true }): rows in and out of every table read and operator, in query order. */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';

const T = [{ a: 'x', n: 1 }, { a: 'y', n: 2 }, { a: 'z', n: 3 }];

describe('trace', () => {
  it('lists each table read and operator with its line, column and row counts', () => {
    const q = 'T\n| where n > 1\n| extend m = n * 2\n| where m > 4';
    const r = runKql(q, { T }, { trace: true });
    expect(r.trace).toEqual([
      { operator: 'table T', line: 1, column: 1, rowsOut: 3, runs: 1, depth: 0 },
      { operator: 'where', line: 2, column: 3, rowsIn: 3, rowsOut: 2, runs: 1, depth: 0 },
      { operator: 'extend', line: 3, column: 3, rowsIn: 2, rowsOut: 2, runs: 1, depth: 0 },
      { operator: 'where', line: 4, column: 3, rowsIn: 2, rowsOut: 1, runs: 1, depth: 0 },
    ]);
  });
  it('a subquery run once per row (mv-apply) has one entry with totals and runs; a join side is one level deeper', () => {
    const q = 'datatable(d:dynamic)[dynamic([1, 2]), dynamic([3])] | mv-apply e = d to typeof(long) on (where e >= 2) | join kind=inner (print k = 2) on $left.e == $right.k';
    const r = runKql(q, {}, { trace: true });
    expect(r.trace!.find((t) => t.operator === 'where')).toMatchObject({ rowsIn: 3, rowsOut: 2, runs: 2, depth: 1 });
    expect(r.trace!.find((t) => t.operator === 'mv-apply')).toMatchObject({ rowsIn: 2, rowsOut: 2, runs: 1, depth: 0 });
    expect(r.trace!.find((t) => t.operator === 'join')).toMatchObject({ rowsIn: 2, rowsOut: 1, depth: 0 });
  });
  it('each operator of a row-local mv-apply subquery counts one run per row that had elements', () => {
    const q = 'datatable(d:dynamic)[dynamic([1, 2]), dynamic([]), dynamic([3, 4, 5])] | mv-apply e = d to typeof(long) on (where e >= 2 | extend f = e * 2 | where f < 10)';
    const r = runKql(q, {}, { trace: true });
    expect(r.rows.map((x) => x.f)).toEqual([4, 6, 8]);
    const inner = r.trace!.filter((t) => t.depth === 1).map(({ operator, rowsIn, rowsOut, runs }) => ({ operator, rowsIn, rowsOut, runs }));
    expect(inner).toEqual([
      { operator: 'where', rowsIn: 5, rowsOut: 4, runs: 2 },
      { operator: 'extend', rowsIn: 4, rowsOut: 4, runs: 2 },
      { operator: 'where', rowsIn: 4, rowsOut: 3, runs: 2 },
    ]);
  });
  it('is absent unless asked for, and empty inputs trace zero rows', () => {
    expect(runKql('T | where n > 5', { T }).trace).toBeUndefined();
    const r = runKql('T | where n > 5', { T: { schema: [{ name: 'n', type: 'long' }], rows: [] } }, { trace: true });
    expect(r.trace!.map((t) => t.rowsOut)).toEqual([0, 0]);
  });
});
