/**
 * Run limits of runKql: maxRows (per operator), maxResultRows (the result) and timeoutMs.
 * No time is measured (speed is for `npm run bench`): timeouts use timeoutMs: 0, which has passed at the
 * first deadline check (one every CHECK_EVERY units of work), so where a run stops depends on the
 * work done, not on the machine's speed.
 */
import { describe, expect, test } from 'vitest';
import { runKql, DEFAULT_MAX_ROWS, DEFAULT_MAX_RESULT_ROWS } from '../../src/index.js';
import { CHECK_EVERY } from '../../src/runtime/limits.js';
import { runError as caught } from './helpers.js';

const sameKey = (n: number) => Array.from({ length: n }, (_, i) => ({ K: 1, I: i }));

describe('maxRows', () => {
  test('the defaults', () => {
    expect(DEFAULT_MAX_ROWS).toBe(10_000_000);
    expect(DEFAULT_MAX_RESULT_ROWS).toBe(500_000);
  });

  test('a join explosion (3,000 x 3,000 rows on one key) stops at maxRows, naming join and its line', () => {
    const query = 'L\n| join kind=inner (R) on K\n| count';
    const err = caught(() => runKql(query, { L: sameKey(3000), R: sameKey(3000) }, { maxRows: 1_000_000 }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('join');
    expect(err.message).toContain('1,000,000');
    expect(err.message).toContain('maxRows');
    expect(err.line).toBe(2);
    expect(err.column).toBe(3);
  });

  test('the same join under the limit runs', () => {
    const r = runKql('L | join kind=inner (R) on K | count', { L: sameKey(300), R: sameKey(300) }, { maxRows: 1_000_000 });
    expect(r.rows).toEqual([{ Count: 90_000 }]);
  });

  test('a join ... where (nested loop) explosion also stops', () => {
    const err = caught(() => runKql('L | join kind=inner (R) where I >= I1', { L: sameKey(2000), R: sameKey(2000) }, { maxRows: 100_000 }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('join');
  });

  test('an mv-expand explosion stops at maxRows, naming mv-expand and its line', () => {
    const query = 'T\n| where I >= 0\n| mv-expand A\n| count';
    const list = Array.from({ length: 1000 }, (_, i) => i);
    const rows = Array.from({ length: 2000 }, (_, i) => ({ I: i, A: list }));
    const err = caught(() => runKql(query, { T: rows }, { maxRows: 1_000_000 }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('mv-expand');
    expect(err.line).toBe(3);
  });

  test('an mv-apply explosion stops at maxRows', () => {
    const query = 'T | mv-apply A on (extend B = A)';
    const list = Array.from({ length: 1000 }, (_, i) => i);
    const rows = Array.from({ length: 200 }, (_, i) => ({ I: i, A: list }));
    const err = caught(() => runKql(query, { T: rows }, { maxRows: 50_000 }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('mv-apply');
  });

  test('range and union are limited too', () => {
    const r = caught(() => runKql('range x from 1 to 1000000000 step 1', {}, { maxRows: 1000 }));
    expect(r.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(r.message).toContain('range');
    const u = caught(() => runKql('union T, T, T', { T: sameKey(400) }, { maxRows: 1000 }));
    expect(u.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(u.message).toContain('union');
  });

  test('array values built by range() and repeat() count against maxRows over the whole run', () => {
    // 20 rows x 1,000,000 values would hold 20 million numbers in memory: stopped at the default limit.
    const err = caught(() => runKql('range x from 1 to 20 step 1\n| extend r = range(1, 1000000) | count'));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('range() created more than 10,000,000 values in this run');
    expect([err.line, err.column]).toEqual([2, 3]);
    const small = caught(() => runKql('range x from 1 to 5 step 1 | extend r = repeat("a", 100)', {}, { maxRows: 300 }));
    expect(small.message).toContain('repeat() created more than 300 values');
    expect(runKql('range x from 1 to 3 step 1 | extend r = range(1, 100) | mv-expand r | count', {}, { maxRows: 300 }).rows).toEqual([{ Count: 300 }]);
  });
  test('any other operator is checked on its output', () => {
    const err = caught(() => runKql('T | summarize count() by I', { T: sameKey(50) }, { maxRows: 10 }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('summarize');
  });

  test('invalid limits are RUN_INVALID_OPTION', () => {
    expect(caught(() => runKql('print 1', {}, { maxRows: -1 })).code).toBe('RUN_INVALID_OPTION');
    expect(caught(() => runKql('print 1', {}, { timeoutMs: Number.NaN })).code).toBe('RUN_INVALID_OPTION');
    expect(caught(() => runKql('print 1', {}, { maxResultRows: 'x' as never })).code).toBe('RUN_INVALID_OPTION');
  });
});

describe('maxResultRows', () => {
  test('a result over the limit is an error naming the limit, not a truncation', () => {
    const err = caught(() => runKql('range x from 1 to 101 step 1', {}, { maxResultRows: 100 }));
    expect(err.code).toBe('RUN_LIMIT_EXCEEDED');
    expect(err.message).toContain('maxResultRows');
    expect(err.message).toContain('101 rows');
  });

  test('a result at the limit is returned', () => {
    expect(runKql('range x from 1 to 100 step 1', {}, { maxResultRows: 100 }).rows).toHaveLength(100);
  });
});

describe('timeoutMs', () => {
  test('a long query stops with RUN_TIMEOUT', () => {
    const err = caught(() =>
      runKql('range x from 1 to 3000000 step 1 | extend y = strcat("a", x) | summarize count() by y | sort by y', {}, { timeoutMs: 0 }),
    );
    expect(err.code).toBe('RUN_TIMEOUT');
    expect(err.message).toContain('time limit of 0 ms');
    expect(err.message).toContain('timeoutMs');
  });

  test('a run stops at its first deadline check, not after the work (counted in rows read)', () => {
    let reads = 0;
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ get I() { reads++; return i; } }));
    const T = { schema: [{ name: 'I', type: 'long' as const }], rows };
    const err = caught(() => runKql('T | extend y = strcat("a", I) | summarize count() by y | sort by y', { T }, { timeoutMs: 0 }));
    expect(err.code).toBe('RUN_TIMEOUT');
    // Loading checks the deadline every CHECK_EVERY rows: it stopped within the first of 100,000.
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(CHECK_EVERY);
  });

  test('a timeout inside a join names the join', () => {
    // Fewer rows loaded than CHECK_EVERY: the first deadline check falls in the join's 300 x 300 pairs.
    const n = 300;
    expect(2 * n).toBeLessThan(CHECK_EVERY);
    const err = caught(() => runKql('L\n| join kind=inner (R) on K | count', { L: sameKey(n), R: sameKey(n) }, { timeoutMs: 0 }));
    expect(err.code).toBe('RUN_TIMEOUT');
    expect(err.message).toContain('join');
    expect(err.line).toBe(2);
  });

  test('a query that finishes in time is unaffected', () => {
    expect(runKql('print 1', {}, { timeoutMs: 10_000 }).rows).toEqual([{ print_0: 1 }]);
  });
});
