/**
 * make-series under the run's limits (issue 12): keys x bins x series columns is checked against maxRows
 * before any series is built, and the deadline is checked while rows are binned and series filled.
 * No time is measured: small maxRows values and timeoutMs: 0 (passed at the first deadline check).
 */
import { describe, expect, test } from 'vitest';
import { runKql } from '../../src/index.js';
import { runError } from './helpers.js';

const series = (keys: number, step: string) =>
  `range k from 1 to ${keys} step 1\n| extend t = datetime(2000-01-01)\n| make-series c = count() default = 0 on t from datetime(2000-01-01) to datetime(2000-01-12) step ${step} by k`;

describe('make-series: keys x bins against maxRows', () => {
  test("the issue's 60 keys x 950,400 one-second bins fail at once with RUN_LIMIT_EXCEEDED naming make-series", () => {
    const err = runError(() => runKql(series(60, '1s'), {}, { timeoutMs: 1000 }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('make-series');
    expect(err.message).toContain('60 keys x 950,400 bins x 2 columns');
    expect(err.message).toContain('maxRows');
    expect(err.line).toBe(3);
    expect(err.column).toBe(3);
  });

  test('3 keys x 264 hourly bins x 2 columns = 1,584 values is past maxRows: 1,000', () => {
    const err = runError(() => runKql(series(3, '1h'), {}, { maxRows: 1000 }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('1,584 series values');
    expect(err.message).toContain('1,000');
  });

  test('the same series under the limit is built', () => {
    const rows = runKql(series(3, '1h'), {}, { maxRows: 2000 }).rows as { k: number; c: number[] }[];
    expect(rows).toHaveLength(3);
    expect(rows[0].c).toHaveLength(264);
    expect(rows[0].c[0]).toBe(1);
  });
});

describe('make-series: the deadline', () => {
  test('one key over 86,400 one-second bins with timeoutMs: 0 stops with RUN_TIMEOUT in make-series', () => {
    const q = 'print t = datetime(2000-01-01)\n| make-series c = count() default = 0 on t from datetime(2000-01-01) to datetime(2000-01-02) step 1s';
    const err = runError(() => runKql(q, {}, { timeoutMs: 0 }));
    expect(err.code).toBe('RUN_TIMEOUT');
    expect(err.message).toContain('make-series');
    expect(err.line).toBe(2);
  });
});
