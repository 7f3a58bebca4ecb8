/** let-bound functions, views, materialize() and column_ifexists(): values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { runKql, analyzeKql, KqlSemanticError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

const T = { schema: [{ name: 'a', type: 'string' as const }, { name: 'b', type: 'long' as const }], rows: [{ a: 'x', b: 1 }, { a: '', b: 2 }, { a: 'y', b: null }] };
const run = (q: string) => runKql(q, { T });

describe('user-defined functions', () => {
  it('a scalar function is applied per row; a null argument propagates', () => {
    const r = run('let twice = (x: long) { x * 2 }; T | extend y = twice(b) | project y');
    expect(r.columns).toEqual([{ name: 'y', type: 'long' }]);
    expect(r.rows).toEqual([{ y: 2 }, { y: 4 }, { y: null }]);
  });
  it('default parameter values and an unnamed call column (Column1, as the analyzer names it)', () => {
    const r = run('let add = (x: long, y: long = 10) { x + y }; print add(1), add(1, 2)');
    expect(r.rows).toEqual([{ print_0: 11, print_1: 3 }]);
    expect(analyzeKql('let f = (x: long) { x }; T | extend f(b)', { schemas: { T: T.schema } }).columns.at(-1)).toEqual({ name: 'Column1', type: 'long' });
  });
  it('a let in the body computed from a parameter is evaluated per call and per row (issue 11)', () => {
    const f = 'let f = (x: dynamic) { let lastIndex = array_length(x) - 1; lastIndex };';
    expect(run(`${f} print f(dynamic([1,2,3]))`).rows).toEqual([{ print_0: 2 }]);
    const D = { schema: [{ name: 'd', type: 'dynamic' as const }], rows: [{ d: [1, 2, 3, 4] }, { d: [5] }, { d: null }] };
    const g = 'let g = (x: dynamic) { let n = array_length(x); let lastIndex = n - 1; lastIndex * 10 };';
    const r = runKql(`${g} D | extend r = g(d), s = g(dynamic([1, 2])) | project r, s`, { D });
    expect(r.rows).toEqual([{ r: 30, s: 10 }, { r: 0, s: 10 }, { r: null, s: 10 }]);
    expect(formatColumns(r.columns)).toBe(formatColumns(analyzeWithOracle(`${g} D | extend r = g(d), s = g(dynamic([1, 2])) | project r, s`, { D: D.schema }).columns));
  });
  it('a tabular parameter and a tabular result', () => {
    const r = run('let nonEmpty = (t:(a:string)) { t | where a != "" | project a }; nonEmpty(T)');
    expect(r.rows).toEqual([{ a: 'x' }, { a: 'y' }]);
  });
  it('a view is used by name, without parentheses; the body sees lets of its declaration site', () => {
    const r = run('let limit_ = 1; let v = view () { T | where b > limit_ }; v | project b');
    expect(r.rows).toEqual([{ b: 2 }]);
  });
  it('wrong argument count and wrong argument type are semantic errors at the call', () => {
    const q = 'let f = (x: string) { x }; print f(1)';
    expect(() => run(q)).toThrow(KqlSemanticError);
    try { run(q); } catch (e) { expect((e as KqlSemanticError).code).toBe('SEM_TYPE_MISMATCH'); expect((e as KqlSemanticError).column).toBe(q.indexOf('1)') + 1); }
    expect(() => run('let f = (x: long) { x }; print f()')).toThrow(/expects 1 argument/);
  });
  it('a function cannot call itself', () => {
    expect(() => run('let f = (x: long) { f(x) }; print f(1)')).toThrow(KqlSemanticError);
  });
  it('over an empty table a tabular function returns no rows', () => {
    const r = runKql('let g = (t:(a:string)) { t | where a != "" }; g(T)', { T: { schema: T.schema, rows: [] } });
    expect(r.rows).toEqual([]);
  });
});

describe('materialize', () => {
  it('computes once and can be read twice (self join)', () => {
    const r = run('let m = materialize(T | summarize n = count() by a); m | join kind=inner (m) on a | project a, n, n1 | sort by a asc');
    expect(r.rows).toEqual([{ a: '', n: 1, n1: 1 }, { a: 'x', n: 1, n1: 1 }, { a: 'y', n: 1, n1: 1 }]);
  });
});

describe('column_ifexists', () => {
  it('reads the column when it exists, else the default; named after the column only when it exists', () => {
    const r = run('T | project column_ifexists("b", 0), column_ifexists("missing", "none")');
    expect(r.columns).toEqual([{ name: 'b', type: 'long' }, { name: 'Column1', type: 'string' }]);
    expect(r.rows[0]).toEqual({ b: 1, Column1: 'none' });
    expect(r.rows[2]).toEqual({ b: null, Column1: 'none' });
  });
  it('the name must be a constant string', () => {
    expect(() => run('T | extend x = column_ifexists(a, 0)')).toThrow(KqlSemanticError);
  });
  it('is typed by the default when the column exists, except a dynamic column (issue11-binding.test.ts has more)', () => {
    // Decision in docs/semantics.md: an existing column of another type is converted to the default's type; a
    // dynamic one stays dynamic (the analyzer says string), so deployed rules reading its members bind.
    const q = 'print d = dynamic({"city": "Oslo"}), n = 5\n| extend a = column_ifexists("d", ""), b = column_ifexists("n", "")';
    const r = runKql(q);
    expect(r.columns.map((c) => `${c.name}:${c.type}`).join(', ')).toBe('d:dynamic, n:long, a:dynamic, b:string');
    expect(formatColumns(analyzeWithOracle(q, {}).columns)).toBe('d:dynamic, n:long, a:string, b:string');
    expect(r.rows).toEqual([{ d: { city: 'Oslo' }, n: 5, a: { city: 'Oslo' }, b: '5' }]);
    expect(runKql(`${q}\n| project c = tostring(a.city)`).rows).toEqual([{ c: 'Oslo' }]);
  });
});

describe('summarize with aggregates inside expressions', () => {
  const E = { schema: [{ name: 'a', type: 'string' as const }, { name: 't', type: 'datetime' as const }], rows: [
    { a: 'x', t: '2024-05-01T00:00:00Z' }, { a: 'x', t: '2024-05-01T06:00:00Z' }, { a: 'y', t: '2024-05-01T01:00:00Z' },
  ] };
  it('computes the aggregates per group, then the expression; names follow the analyzer', () => {
    const r = runKql('E | summarize span = max(t) - min(t), datetime_diff("hour", max(t), min(t)), make_set(a)[0], count() * 2 by a | sort by a asc', { E });
    expect(r.columns).toEqual([
      { name: 'a', type: 'string' }, { name: 'span', type: 'timespan' }, { name: 'Column1', type: 'long' },
      { name: 'set_a_0', type: 'dynamic' }, { name: 'Column2', type: 'long' },
    ]);
    expect(r.rows).toEqual([
      { a: 'x', span: 6 * 3600_000, Column1: 6, set_a_0: 'x', Column2: 4 },
      { a: 'y', span: 0, Column1: 0, set_a_0: 'y', Column2: 2 },
    ]);
  });
  it('over an empty input without by: one row, the expression over empty aggregates', () => {
    expect(runKql('E | summarize n = count() + 1', { E: { schema: E.schema, rows: [] } }).rows).toEqual([{ n: 1 }]);
  });
  it('the expression cannot read input columns, and needs an aggregate', () => {
    expect(() => runKql('E | summarize x = strcat(a, count()) by a', { E })).toThrow(/Unknown column or variable 'a'/);
    expect(() => runKql('E | summarize t + 1d', { E })).toThrow(KqlSemanticError);
  });
  it('a repeated derived by-name gets a suffix; a repeated column is an error', () => {
    expect(analyzeKql('E | summarize by tostring(a), t, tostring(a)', { schemas: { E: E.schema } }).columns.map((c) => c.name)).toEqual(['a', 't', 'a1']);
    expect(() => analyzeKql('E | summarize count() by a, a', { schemas: { E: E.schema } })).toThrow(KqlSemanticError);
  });
});

describe('named arguments of user-defined functions', () => {
  it('are matched by name; skipped ones take their defaults', () => {
    const f = 'let f = (x: long, y: long = 10, z: long = 100) { x * 1 + y * 2 + z * 3 };';
    expect(runKql(`${f} print f(z=1, x=5), f(5, z=1)`, {}).rows).toEqual([{ print_0: 5 + 20 + 3, print_1: 5 + 20 + 3 }]);
  });
  it('an unknown or repeated name, or a missing required parameter, is a semantic error', () => {
    const f = 'let f = (x: long, y: long = 1) { x + y };';
    expect(() => runKql(`${f} print f(q=1)`, {})).toThrow(/no parameter named 'q'/);
    expect(() => runKql(`${f} print f(x=1, x=2)`, {})).toThrow(/given twice/);
    expect(() => runKql(`${f} print f(y=2)`, {})).toThrow(KqlSemanticError);
  });
});
