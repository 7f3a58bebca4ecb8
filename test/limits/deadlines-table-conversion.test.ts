/**
 * Deadlines while the caller's plain rows are read (issue 12): a table given without a schema is inferred
 * from its rows while the query binds, before any operator runs; the run's deadline is checked there too.
 * No time is measured: timeoutMs: 0 has passed at the first deadline check, and the getter counts how
 * many values were read before the run stopped.
 */
import { describe, expect, test } from 'vitest';
import { runKql } from '../../src/index.js';
import { CHECK_EVERY } from '../../src/runtime/limits.js';
import { runError } from './helpers.js';

/** Plain rows whose one column counts its reads. */
function countedRows(n: number): { rows: Record<string, unknown>[]; reads: () => number } {
  let reads = 0;
  const rows = Array.from({ length: n }, (_, i) => ({ get I() { reads++; return i; } }));
  return { rows, reads: () => reads };
}

describe('schema inference from plain rows honours the deadline', () => {
  test('T | count over 100,000 plain rows with timeoutMs: 0 stops within the first rows read', () => {
    const { rows, reads } = countedRows(100_000);
    const err = runError(() => runKql('T | count', { T: rows }, { timeoutMs: 0 }));
    expect(err.code).toBe('RUN_TIMEOUT');
    // Inference reports one unit per 8 values read and the deadline is read every CHECK_EVERY units.
    expect(reads()).toBeLessThanOrEqual(8 * CHECK_EVERY);
  });

  test('a watchlist of plain rows is inferred under the same deadline', () => {
    const { rows, reads } = countedRows(100_000);
    const err = runError(() => runKql("_GetWatchlist('w') | count", {}, { timeoutMs: 0, watchlists: { w: rows } }));
    expect(err.code).toBe('RUN_TIMEOUT');
    expect(reads()).toBeLessThanOrEqual(8 * CHECK_EVERY);
  });

  test('without a deadline the same table is read in full and counted', () => {
    const { rows } = countedRows(20_000);
    expect(runKql('T | count', { T: rows }).rows).toEqual([{ Count: 20_000 }]);
  });
});
