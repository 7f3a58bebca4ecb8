/**
 * Lazy where Kusto is lazy (issue 12): `take`/`limit` after a generator (range, a union of them,
 * mv-expand, a let-bound pipeline of row-local operators) stop it once they have their rows, and
 * maxRows counts the rows actually made. No time is measured: laziness shows in the rows each operator
 * saw (the trace) and in maxRows, which a run that made every row would exceed.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KqlRuntimeError, runKql, runKqlAsync, type KqlResult } from '../../src/index.js';
import { runError as caught } from './helpers.js';

const BIG = 'range x from 1 to 1000000000 step 1';

/** Rows into the take (or limit) stage of the trace. */
function takeRowsIn(result: KqlResult): number | undefined {
  return result.trace!.find((e) => e.operator === 'take')?.rowsIn;
}

describe('take after a generator stops it', () => {
  test("the issue's example: range 1 to 1e9 | take 5 gives 5 rows", () => {
    expect(runKql(`${BIG} | take 5`).rows).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }, { x: 4 }, { x: 5 }]);
    expect(runKql('range x from 1 to 1e9 step 1 | take 5').rows).toHaveLength(5);
  });

  test.each([
    [`${BIG} | limit 3`, [1, 2, 3]],
    [`${BIG} | extend y = x * 2 | project x = y | take 3`, [2, 4, 6]],
    [`${BIG} | where x % 1000 == 0 | take 2`, [1000, 2000]],
    [`${BIG} | where x > 300 | extend y = x | where y % 2 == 1 | project x | take 2`, [301, 303]],
    [`${BIG} | mv-expand a = pack_array(x, -x) | project x = a | take 4`, [1, -1, 2, -2]],
    [`${BIG} | serialize | project-rename y = x | project x = y | take 2`, [1, 2]],
    [`union (${BIG}), (range x from -5 to -1 step 1) | take 3`, [1, 2, 3]],
    [`union (range x from -2 to -1 step 1), (${BIG} | extend z = 1) | project x | take 4`, [-2, -1, 1, 2]],
    [`let r = ${BIG} | extend y = x + 1; r | where y > 10 | project x | take 2`, [10, 11]],
    [`(${BIG} | where x > 5) | take 1`, [6]],
    [`range x from 1 to 1000000000 step 7 | take 2 | take 1`, [1]],
  ])('%s', (query, xs) => {
    const result = runKql(query, {}, { trace: true, maxRows: 100_000 });
    expect(result.rows.map((r) => r.x)).toEqual(xs);
  });

  test('the take sees one batch (256 rows) of the range, not a billion', () => {
    expect(takeRowsIn(runKql(`${BIG} | take 5`, {}, { trace: true }))).toBe(256);
    expect(takeRowsIn(runKql(`${BIG} | extend y = x | take 300`, {}, { trace: true }))).toBe(512);
    expect(takeRowsIn(runKql(`${BIG} | take 0`, {}, { trace: true }))).toBe(256);
  });

  test("and a caller's table is read only as far as needed", () => {
    const T = Array.from({ length: 5000 }, (_, i) => ({ a: i }));
    const result = runKql('T | where a % 2 == 0 | take 3', { T }, { trace: true });
    expect(result.rows).toEqual([{ a: 0 }, { a: 2 }, { a: 4 }]);
    const read = result.trace!.find((e) => e.operator === 'table T')!;
    expect(read.rowsOut).toBe(256);
    expect(result.trace!.find((e) => e.operator === 'where')).toMatchObject({ rowsIn: 256, rowsOut: 128 });
  });

  test('runKqlAsync too', async () => {
    const result = await runKqlAsync(`${BIG} | extend y = -x | take 2`, {}, { maxRows: 1000 });
    expect(result.rows).toEqual([{ x: 1, y: -1 }, { x: 2, y: -2 }]);
  });
});

describe('maxRows counts the rows actually made', () => {
  test('a range larger than maxRows, cut by take, is fine', () => {
    expect(runKql('range x from 1 to 100000 step 1 | take 5', {}, { maxRows: 1000 }).rows).toHaveLength(5);
  });

  test('a take wanting more rows than maxRows still stops at maxRows', () => {
    const err = caught(() => runKql('range x from 1 to 3000 step 1 | take 2000', {}, { maxRows: 1500 }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toMatch(/^range produced more than 1,500 rows/);
  });

  test('operators that need every row (top, sort, summarize) are not lazy, in Kusto either', () => {
    for (const q of [`${BIG} | top 5 by x`, `${BIG} | sort by x | take 5`, `${BIG} | summarize count()`]) {
      expect(caught(() => runKql(q, {}, { maxRows: 1000 })).code).toBe('RUN_LIMIT_EXCEEDED');
    }
  });
});

describe('results are the same as an eager run', () => {
  // `as` does not stream, so `Q | as E | take n` runs Q whole, then takes: the eager result to compare with.
  const ops = fc.constantFrom('extend y = x * 3', 'where x % 3 != 1', 'project x', 'mv-expand z = pack_array(x, x + 1)', 'where x > 17', 'extend x = x - 5', 'project-rename w = x | project x = w');
  test('for random pipelines of range, row-local operators and take', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 1, max: 7 }), fc.array(ops, { maxLength: 4 }), fc.integer({ min: 0, max: 700 }), (to, step, chain, n) => {
        const q = ['range x from 0 to ' + to + ' step ' + step, ...chain].join(' | ');
        const run = (query: string) => {
          try {
            return runKql(query);
          } catch (err) {
            return (err as KqlRuntimeError).code; // a generated chain that does not bind (a column made twice)
          }
        };
        const lazy = run(`${q} | take ${n}`);
        const eager = run(`${q} | as E | take ${n}`);
        expect(lazy).toEqual(eager);
      }),
      { numRuns: 150 },
    );
  });
});
