/**
 * The memory budget (options.maxMemoryBytes): operators that build rows, groups, hash tables, long
 * strings or arrays charge an estimate of their size to the run and stop with RUN_MEMORY_LIMIT, naming
 * the operator and its line and column, once it passes the budget. Tiny budgets make every case
 * deterministic: no time and no real memory is measured.
 */
import { describe, expect, test } from 'vitest';
import { runKql, runKqlAsync, DEFAULT_MAX_MEMORY_BYTES } from '../../src/index.js';
import { runError as caught } from './helpers.js';

/** The run's error, which must be RUN_MEMORY_LIMIT naming `operator` at `line`:`column`. */
function memoryError(query: string, tables: Record<string, unknown[]>, maxMemoryBytes: number, operator: string, line: number, column: number) {
  const err = caught(() => runKql(query, tables as never, { maxMemoryBytes }));
  expect(err.code).toBe('RUN_MEMORY_LIMIT');
  expect(err.message).toContain(operator);
  expect(err.message).toContain('maxMemoryBytes');
  expect(err.message).toMatch(/needed an estimated [\d.]+ (bytes|KiB|MiB|GiB)/);
  expect(err.line).toBe(line);
  expect(err.column).toBe(column);
  return err;
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ K: 1, I: i, S: `s${i % 50}`, A: [i, i + 1, i + 2] }));

describe('maxMemoryBytes', () => {
  test('the default is 1 GiB', () => {
    expect(DEFAULT_MAX_MEMORY_BYTES).toBe(1024 * 1024 * 1024);
  });

  test('a join explosion stops before building its rows, with the whole estimate in the message', () => {
    const err = memoryError('L\n| join kind=inner (R) on K\n| count', { L: rows(2000), R: rows(2000) }, 50_000_000, 'join', 2, 3);
    // 4,000,000 pairs of 8 columns: far more than the limit, reported before any row is built.
    expect(err.message).toMatch(/needed an estimated \d+(\.\d+)? MiB/);
    expect(err.message).toContain('more than the maxMemoryBytes limit of 47.7 MiB');
  });

  test('the issue case: 20,000 x 20,000 rows on one key, 20 string columns each, under the default budget', () => {
    const table = (tag: string) => Array.from({ length: 20_000 }, (_, i) => {
      const row: Record<string, unknown> = { k: 1 };
      for (let c = 0; c < 20; c++) row[`${tag}${c}`] = `${tag}${c}-${i}`;
      return row;
    });
    const err = caught(() => runKql('A | join kind=inner (B) on k | count', { A: table('a'), B: table('b') }));
    expect(err.code).toBe('RUN_MEMORY_LIMIT');
    expect(err.message).toContain('join needed an estimated');
    expect(err.message).toContain('more than the maxMemoryBytes limit of 1 GiB');
    expect([err.line, err.column]).toEqual([1, 5]);
  });

  test('join kinds that keep unmatched rows and the predicate join are charged too', () => {
    memoryError('L | join kind=fullouter (R | extend K = I) on K', { L: rows(5000), R: rows(5000) }, 1_500_000, 'join', 1, 5);
    memoryError('L | join kind=inner (R) where I >= I1', { L: rows(200), R: rows(200) }, 500_000, 'join', 1, 5);
  });

  test('lookup', () => {
    memoryError('L | lookup (R) on K', { L: rows(1000), R: rows(1000) }, 1_000_000, 'lookup', 1, 5);
  });

  test('summarize groups', () => {
    memoryError('range x from 1 to 20000 step 1\n| summarize count() by x', {}, 3_000_000, 'summarize', 2, 3);
  });

  test('summarize over a caller table (the batched path) names summarize', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => ({ I: i }));
    memoryError('T | summarize count() by I', { T: big }, 3_000_000, 'summarize', 1, 5);
  });

  test('mv-expand', () => {
    const list = Array.from({ length: 1000 }, (_, i) => i);
    const t = Array.from({ length: 200 }, (_, i) => ({ I: i, A: list }));
    memoryError('T\n| where I >= 0\n| mv-expand A\n| count', { T: t }, 2_000_000, 'mv-expand', 3, 3);
  });

  test('make-series keys x bins', () => {
    memoryError(
      // 4 keys x 950,400 bins x 2 columns stays under maxRows (make-series' values cap), not under 50 MB.
      'range k from 1 to 4 step 1 | extend t = datetime(2000-01-01) | make-series c = count() default=0 on t from datetime(2000-01-01) to datetime(2000-01-12) step 1s by k',
      {}, 50_000_000, 'make-series', 1, 64,
    );
  });

  test('sort and top', () => {
    memoryError('range x from 1 to 20000 step 1\n| sort by x desc', {}, 2_500_000, 'sort', 2, 3);
    memoryError('range y from 1 to 20000 step 1\n| top 5 by y', {}, 2_500_000, 'top', 2, 3);
  });

  test('distinct', () => {
    memoryError('range y from 1 to 20000 step 1\n| distinct y', {}, 2_500_000, 'distinct', 2, 3);
  });

  test('union', () => {
    const err = caught(() => runKql('union (range x from 1 to 20000 step 1), (range x from 1 to 20000 step 1)', {}, { maxMemoryBytes: 3_000_000 }));
    expect(err.code).toBe('RUN_MEMORY_LIMIT');
    expect(err.message).toMatch(/^(union|range) needed/);
  });

  test('extend and project over a materialised table (a row each, charged before they run)', () => {
    // `summarize` makes a whole table; the extend/project after it then runs over all of it at once.
    const q = 'range x from 1 to 100 step 1 | extend a = range(1, 100) | mv-expand a | summarize by x, a = tolong(a)\n| extend s = strcat("row ", a)';
    memoryError(q, {}, 2_900_000, 'extend', 2, 3);
    memoryError('range x from 1 to 100 step 1 | extend a = range(1, 100) | mv-expand a | summarize by x, a = tolong(a)\n| project a, b = a', {}, 2_900_000, 'project', 2, 3);
  });

  test('range', () => {
    memoryError('range x from 1 to 100000 step 1', {}, 1_000_000, 'range', 1, 1);
  });

  test('reading a caller table', () => {
    // (`T | take 1` reads one batch only: take stops the scan.)
    const err = caught(() => runKql('T | extend z = 1', { T: rows(20_000) }, { maxMemoryBytes: 100_000 }));
    expect(err.code).toBe('RUN_MEMORY_LIMIT');
    expect(err.message).toContain('reading table T');
  });

  test('string building: strcat and strrep', () => {
    memoryError('range x from 1 to 100 step 1\n| extend s = strrep("abcdefgh", 100000)', {}, 10_000_000, 'strrep()', 2, 3);
    memoryError('range x from 1 to 3 step 1 | extend s = strrep("a", 1000)\n| extend t = strcat(s, s, s, s, s, s, s, s, s, s)\n| summarize make_list(t)', {}, 40_000, 'strcat()', 2, 3);
  });

  test('range() values', () => {
    const err = caught(() => runKql('range x from 1 to 100 step 1 | extend r = range(1, 100000)', {}, { maxMemoryBytes: 10_000_000 }));
    expect(err.code).toBe('RUN_MEMORY_LIMIT');
    expect(err.message).toContain('range()');
  });

  test('runKqlAsync honours the budget too', async () => {
    await expect(runKqlAsync('range x from 1 to 100000 step 1 | summarize count() by x', {}, { maxMemoryBytes: 1_000_000 }))
      .rejects.toMatchObject({ code: 'RUN_MEMORY_LIMIT' });
    // A row-local operator over a large table runs by slices there: charged all the same.
    await expect(runKqlAsync('range x from 1 to 100 step 1 | extend a = range(1, 100) | mv-expand a | summarize by x, a = tolong(a)\n| extend y = a * 2', {}, { maxMemoryBytes: 2_900_000 }))
      .rejects.toMatchObject({ code: 'RUN_MEMORY_LIMIT', line: 2, column: 3 });
  });

  test('ordinary queries under the default budget are unaffected', () => {
    const t = rows(20_000);
    expect(runKql('L | join kind=inner (R | summarize by K) on K | count', { L: t, R: t }).rows).toEqual([{ Count: 20_000 }]);
    expect(runKql('T | mv-expand A | summarize n = count() by S | count', { T: t }).rows).toEqual([{ Count: 50 }]);
    expect(runKql('range x from 1 to 200000 step 1 | summarize count() by x % 10 | count').rows).toEqual([{ Count: 10 }]);
    expect(runKql('T | sort by I asc | take 1 | project I', { T: t }).rows).toEqual([{ I: 0 }]);
    // The same queries do charge the budget: a small one stops them.
    for (const q of ['L | join kind=inner (R | summarize by K) on K | count', 'T | sort by I asc | take 1 | project I']) {
      expect(caught(() => runKql(q, { L: t, R: t, T: t }, { maxMemoryBytes: 1_000_000 })).code).toBe('RUN_MEMORY_LIMIT');
    }
  });

  test('a batched pipeline gives back what each batch held once summarize has consumed it', () => {
    // 100,000 rows of 3 columns hold ~8 MB; consumed batch by batch they fit in a 1 MB budget.
    const big = Array.from({ length: 100_000 }, (_, i) => ({ I: i % 7, J: i, S: 'x' }));
    expect(runKql('T | extend y = J * 2 | summarize count() by I', { T: big }, { maxMemoryBytes: 1_000_000 }).rows).toHaveLength(7);
    // Without the summarize the rows are kept, and do not fit.
    const err = caught(() => runKql('T | extend y = J * 2', { T: big }, { maxMemoryBytes: 1_000_000 }));
    expect(err.code).toBe('RUN_MEMORY_LIMIT');
    expect(err.message).toContain('reading table T');
  });

  test('option validation', () => {
    for (const bad of [-1, Number.NaN, '1' as unknown as number]) {
      const err = caught(() => runKql('print 1', {}, { maxMemoryBytes: bad }));
      expect(err.code).toBe('RUN_INVALID_OPTION');
      expect(err.message).toContain('options.maxMemoryBytes');
    }
    expect(runKql('print 1', {}, { maxMemoryBytes: 0 }).rows).toEqual([{ print_0: 1 }]);
  });

  test('tostring of a large dynamic value is charged before its JSON text is built (the fuzz run found it)', () => {
    // One string shared 3,000 times: small in memory, but its JSON text is 30 million characters.
    const q = 'range x from 1 to 3000 step 1 | extend s = strrep("x", 10000) | summarize l = make_list(s)\n| extend t = tostring(l) | project n = strlen(t)';
    memoryError(q, {}, 50 * 2 ** 20, 'tostring()', 2, 3);
    expect(runKql('print l = dynamic([1, "a", {"b": [2]}]) | project t = tostring(l)').rows).toEqual([{ t: '[1,"a",{"b":[2]}]' }]);
  });
});
