/**
 * The scan of a caller's table reads only what the query uses (docs/architecture.md, "Execution"):
 * unread columns are never read from the caller's rows, rows a leading `where` drops are read no
 * further, and results are the same as reading everything. Checked by counting reads through getters.
 */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';

type Reads = Record<string, number>;

/** Rows whose every property is a getter counting its reads (deepFreeze never calls getters). */
function countingRows(values: Record<string, unknown>[]): { rows: Record<string, unknown>[]; reads: Reads } {
  const reads: Reads = {};
  const rows = values.map((v) => {
    const row = {};
    for (const [k, x] of Object.entries(v)) {
      reads[k] = 0;
      Object.defineProperty(row, k, { enumerable: true, get: () => (reads[k]++, x) });
    }
    return row;
  });
  return { rows, reads };
}

const SCHEMA = [
  { name: 'a', type: 'string' },
  { name: 'b', type: 'long' },
  { name: 'c', type: 'dynamic' },
] as const;

function table(n: number) {
  const values = Array.from({ length: n }, (_, i) => ({ a: i % 4 === 0 ? 'keep' : 'drop', b: i, c: `{"i":${i},"tags":["t${i % 3}"]}` }));
  const { rows, reads } = countingRows(values);
  return { T: { schema: [...SCHEMA], rows }, reads };
}

describe('column pruning and the filtering scan', () => {
  it('a leading where reads its own column for every row, the others only for the rows it keeps', () => {
    const { T, reads } = table(8);
    const r = runKql("T | where a == 'keep' | project b", { T });
    expect(r.rows).toEqual([{ b: 0 }, { b: 4 }]);
    expect(reads).toEqual({ a: 8, b: 2, c: 0 });
  });

  it('count reads no column at all; summarize reads only its keys and arguments', () => {
    const t1 = table(5);
    expect(runKql('T | count', { T: t1.T }).rows).toEqual([{ Count: 5 }]);
    expect(t1.reads).toEqual({ a: 0, b: 0, c: 0 });
    const t2 = table(8);
    const r = runKql('T | summarize n = count(), s = sum(b) by a', { T: t2.T });
    expect(r.rows).toEqual([{ a: 'keep', n: 2, s: 4 }, { a: 'drop', n: 6, s: 24 }]);
    expect(t2.reads).toEqual({ a: 8, b: 8, c: 0 });
  });

  it('columns that reach the result are read; a column extend replaces without reading is not', () => {
    const t1 = table(3);
    expect(runKql('T | take 2', { T: t1.T }).columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(t1.reads.c).toBe(3);
    const t2 = table(3);
    const r = runKql('T | extend c = 1 | project-away a', { T: t2.T });
    expect(r.rows).toEqual([{ b: 0, c: 1 }, { b: 1, c: 1 }, { b: 2, c: 1 }]);
    expect(t2.reads).toEqual({ a: 0, b: 3, c: 0 });
  });

  it('sees through mv-apply, mv-expand and join to the columns they use', () => {
    const t1 = table(4);
    const r1 = runKql("T | mv-apply t = c.tags on (where t == 't0') | project b", { T: t1.T });
    expect(r1.rows).toEqual([{ b: 0 }, { b: 3 }]);
    expect(t1.reads).toEqual({ a: 0, b: 4, c: 4 });
    const t2 = table(4);
    const r2 = runKql('T | mv-expand t = c.tags | summarize count()', { T: t2.T });
    expect(r2.rows).toEqual([{ count_: 4 }]);
    expect(t2.reads).toEqual({ a: 0, b: 0, c: 4 });
    const t3 = table(4);
    const r3 = runKql("T | join kind=inner (datatable(a: string, x: long)['keep', 7]) on a | project b, x", { T: t3.T });
    expect(r3.rows).toEqual([{ b: 0, x: 7 }]);
    expect(t3.reads).toEqual({ a: 4, b: 4, c: 0 });
  });

  it('a let-bound table, a view and a nested pipeline are read only for the columns their consumer uses', () => {
    for (const q of [
      "let X = T | where a == 'keep'; X | project b",
      "let V = () { T | where a == 'keep' }; V() | project b",
      "(T | where a == 'keep' | extend d = 1) | project b",
    ]) {
      const { T, reads } = table(8);
      expect(runKql(q, { T }).rows).toEqual([{ b: 0 }, { b: 4 }]);
      expect(reads).toEqual({ a: 8, b: 2, c: 0 });
    }
  });

  it('each leg of a union is read only for the columns used after it', () => {
    const { T, reads } = table(8);
    const r = runKql("union T, (T | where a == 'keep'), (datatable(b: long)[100]) | summarize s = sum(b), n = count()", { T });
    expect(r.rows).toEqual([{ s: 28 + 4 + 100, n: 8 + 2 + 1 }]);
    expect(reads).toEqual({ a: 8, b: 8 + 2, c: 0 });
  });

  it('a let-bound table read twice gives each reader the columns it uses', () => {
    const { T, reads } = table(4);
    const r = runKql('let X = T | extend n = 1; X | summarize s = sum(b) | extend c = toscalar(X | summarize count())', { T });
    expect(r.rows).toEqual([{ s: 6, c: 4 }]);
    expect(reads).toEqual({ a: 0, b: 4, c: 0 });
  });

  it('the trace still shows the table read and each fused where with its own counts', () => {
    const { T } = table(8);
    const r = runKql("T\n| where a == 'keep'\n| where b > 0\n| project b", { T }, { trace: true });
    expect(r.trace!.map((t) => [t.operator, t.rowsIn, t.rowsOut, t.runs])).toEqual([
      ['table T', undefined, 8, 1],
      ['where', 8, 2, 1],
      ['where', 2, 1, 1],
      ['project', 1, 1, 1],
    ]);
  });
});

describe('batches: results do not depend on where a batch ends', () => {
  const n = 5000; // many scan batches (SCAN_BATCH_ROWS), with boundaries at 1,024 and 2,048 among them
  const rows = Array.from({ length: n }, (_, i) => ({ k: i % 7, v: i }));

  it('extend, mv-expand and summarize over many batches give whole-table totals, and one trace entry each', () => {
    const q = 'T | extend w = v * 2 | mv-expand e = pack_array(w, w + 1) to typeof(long) | summarize n = count(), s = sum(e) by k | sort by k asc';
    const r = runKql(q, { T: rows }, { trace: true });
    const expected = Array.from({ length: 7 }, (_, k) => {
      const vs = rows.filter((x) => x.k === k).map((x) => x.v);
      return { k, n: vs.length * 2, s: vs.reduce((a, v) => a + 4 * v + 1, 0) };
    });
    expect(r.rows).toEqual(expected);
    expect(r.trace!.find((t) => t.operator === 'mv-expand')).toMatchObject({ rowsIn: n, rowsOut: 2 * n, runs: 1 });
    expect(r.trace!.find((t) => t.operator === 'summarize')).toMatchObject({ rowsIn: 2 * n, rowsOut: 7, runs: 1 });
  });

  it('prev() and row_number() see the rows across batch boundaries', () => {
    const r = runKql('T | serialize | extend p = prev(v), rn = row_number() | where rn in (1024, 1025, 2049) | project v, p, rn', { T: rows });
    expect(r.rows).toEqual([{ v: 1023, p: 1022, rn: 1024 }, { v: 1024, p: 1023, rn: 1025 }, { v: 2048, p: 2047, rn: 2049 }]);
    const w = runKql('T | where row_number() > 4998 | project v', { T: rows });
    expect(w.rows).toEqual([{ v: 4998 }, { v: 4999 }]);
  });
});

describe('operators write into rows only when no one else holds them', () => {
  it('a materialized table read twice keeps its values when one reader extends it', () => {
    const T = [{ x: 1 }, { x: 2 }];
    const q = 'let M = materialize(T | extend y = x); M | extend y = y * 10 | union (M | extend src = "second") | project x, y, src';
    expect(runKql(q, { T }).rows).toEqual([
      { x: 1, y: 10, src: '' },
      { x: 2, y: 20, src: '' },
      { x: 1, y: 1, src: 'second' },
      { x: 2, y: 2, src: 'second' },
    ]);
  });

  it('a let-bound table and a datatable read twice keep their values', () => {
    const q = 'let D = datatable(x: long)[1, 2]; D | extend x = x + 100 | union D | order by x asc';
    expect(runKql(q, {}).rows).toEqual([{ x: 1 }, { x: 2 }, { x: 101 }, { x: 102 }]);
    expect(runKql(q, {}).rows).toEqual([{ x: 1 }, { x: 2 }, { x: 101 }, { x: 102 }]);
  });

  it('extend items are computed from the input row even when the row is written in place', () => {
    const r = runKql('T | extend a = b, b = a', { T: [{ a: 1, b: 2 }] });
    expect(r.rows).toEqual([{ a: 2, b: 1 }]);
  });
});
