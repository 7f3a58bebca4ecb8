import { describe, expect, it } from 'vitest';
import { rows, cols, schemaOf, expectSemantic, at } from './helpers.js';
import { runKql, KqlSemanticError, type TableInput, type ColumnSchema } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

const A: TableInput = { schema: [{ name: 'k', type: 'string' }, { name: 'x', type: 'long' }], rows: [{ k: 'a', x: 1 }] };
const B: TableInput = { schema: [{ name: 'k', type: 'string' }, { name: 'y', type: 'real' }], rows: [{ k: 'b', y: 2.5 }] };
const AB = { A, B };
const SC = { A: (A as { schema: ColumnSchema[] }).schema, B: (B as { schema: ColumnSchema[] }).schema };

describe('union', () => {
  it('merges columns by name (outer): first-seen order, missing values null or ""', () => {
    expect(schemaOf('union A, B', SC)).toBe('k:string, x:long, y:real');
    expect(rows('union A, B', AB)).toEqual([
      { k: 'a', x: 1, y: null },
      { k: 'b', x: null, y: 2.5 },
    ]);
  });
  it('piped form: T | union U', () => {
    expect(rows('A | union B', AB)).toEqual([
      { k: 'a', x: 1, y: null },
      { k: 'b', x: null, y: 2.5 },
    ]);
  });
  it('withsource adds the table name as the first column', () => {
    const q = 'union withsource=Src A, B';
    expect(schemaOf(q, SC)).toBe('Src:string, k:string, x:long, y:real');
    expect(rows(q, AB).map((r) => [r.Src, r.k])).toEqual([
      ['A', 'a'],
      ['B', 'b'],
    ]);
  });
  it('kind=inner keeps only the columns common to all legs', () => {
    expect(cols('union kind=inner A, B', AB)).toBe('k:string');
    expect(rows('union kind=inner A, B', AB)).toEqual([{ k: 'a' }, { k: 'b' }]);
  });
  it('same column name with different types becomes name_type columns', () => {
    // Kusto: x:long in one leg and x:string in another -> x_long and x_string
    const C = { schema: [{ name: 'x', type: 'string' as const }], rows: [{ x: 's' }] };
    expect(cols('union A, C', { A, C })).toBe('k:string, x_long:long, x_string:string');
  });
  it('a union of subqueries and null values', () => {
    expect(rows('union (print v = int(null)), (print v = int(2))')).toEqual([{ v: null }, { v: 2 }]);
  });
  it('empty legs contribute columns but no rows', () => {
    const E = { schema: [{ name: 'z', type: 'bool' as const }], rows: [] };
    expect(cols('union A, E', { A, E })).toBe('k:string, x:long, z:bool');
    expect(rows('union A, E', { A, E })).toEqual([{ k: 'a', x: 1, z: null }]);
  });
  it('an unknown table names the table', () => {
    const q = 'union A, Nope';
    const e = expectSemantic(q, SC, 'SEM_UNKNOWN_TABLE', 1, at(q, 'Nope'));
    expect(e.message).toContain('Nope');
  });
  describe('filters after a union of caller tables run inside each table scan', () => {
    const P: TableInput = { schema: [{ name: 'k', type: 'string' }, { name: 'n', type: 'long' }, { name: 'c', type: 'string' }], rows: [
      { k: 'p1', n: 1, c: 'x .webp y' }, { k: 'p2', n: 5, c: 'none' }, { k: 'p3', n: 7, c: 'a.webp' },
    ] };
    const Q: TableInput = { schema: [{ name: 'k', type: 'string' }, { name: 'd', type: 'dynamic' }, { name: 'n', type: 'real' }], rows: [
      { k: 'q1', d: { a: 1 }, n: 6.5 }, { k: 'q2', d: null, n: 1 },
    ] };
    const PQ = { P, Q };
    it('a column a table lacks is empty while filtering (where c has ".webp" keeps no row of Q)', () => {
      expect(rows('union P, Q | where c has ".webp" | project k', PQ)).toEqual([{ k: 'p1' }, { k: 'p3' }]);
      expect(rows('union P, Q | where isempty(c) | project k', PQ)).toEqual([{ k: 'q1' }, { k: 'q2' }]);
    });
    it('columns of one name and two types, withsource, several filters, then a summarize', () => {
      const q = 'union withsource=T P, Q | where T == "Q" or n_long > 2 | where k != "p2" | summarize c = count() by T';
      expect(rows(q, PQ)).toEqual([{ T: 'P', c: 1 }, { T: 'Q', c: 2 }]);
      expect(rows('union withsource=T P, Q | where n_real > 6 | project T, k, d', PQ)).toEqual([{ T: 'Q', k: 'q1', d: { a: 1 } }]);
    });
    it('a row the filter drops is not read further (the other columns of a leg row are converted only when it passes)', () => {
      let reads = 0;
      const row = (k: string) => Object.defineProperty({ k }, 'big', { enumerable: true, get: () => (reads++, 'v') });
      const R: TableInput = { schema: [{ name: 'k', type: 'string' }, { name: 'big', type: 'string' }], rows: [row('r1'), row('r2'), row('r3')] };
      expect(rows('union R, Q | where k == "r2" | project k, big', { R, Q })).toEqual([{ k: 'r2', big: 'v' }]);
      expect(reads).toBe(1);
    });
    it('kind=inner keeps the common columns; the trace counts every table read and the filter once', () => {
      expect(rows('union kind=inner P, Q | where k endswith "1"', PQ)).toEqual([{ k: 'p1' }, { k: 'q1' }]);
      const r = runKql('union P, Q | where k endswith "1"', PQ, { trace: true });
      expect(r.trace!.map(({ operator, rowsIn, rowsOut }) => ({ operator, rowsIn, rowsOut }))).toEqual([
        { operator: 'table P', rowsIn: undefined, rowsOut: 3 },
        { operator: 'table Q', rowsIn: undefined, rowsOut: 2 },
        { operator: 'where', rowsIn: 5, rowsOut: 2 },
      ]);
    });
  });
});

describe('union: issue 11 fidelity (withsource with as, a name_type that is also a column)', () => {
  const A = { schema: [{ name: 'x', type: 'long' as const }, { name: 's', type: 'string' as const }], rows: [{ x: 1, s: 'a' }] };
  const B = { schema: [{ name: 'x', type: 'string' as const }, { name: 'x_long', type: 'long' as const }], rows: [{ x: 'bx', x_long: 7 }] };
  const schemas = { A: A.schema, B: B.schema };
  const both = (q: string) => {
    const r = runKql(q, { A, B });
    expect(formatColumns(r.columns), q).toBe(formatColumns(analyzeWithOracle(q, schemas).columns));
    return r.rows;
  };
  it('x_long from x (long) and a column x_long: the later is x_long1, and neither loses its values (analyzer names)', () => {
    expect(both('union A, B')).toEqual([
      { x_long: 1, x_string: '', s: 'a', x_long1: null },
      { x_long: null, x_string: 'bx', s: '', x_long1: 7 },
    ]);
    expect(both('union B, A')).toEqual([
      { x_string: 'bx', x_long: null, x_long1: 7, s: '' },
      { x_string: '', x_long: 1, x_long1: null, s: 'a' },
    ]);
  });
  it('withsource= reports the name given by `as` (as-operator.md: the name is used in union withsource=)', () => {
    expect(both('union withsource=T (A | as X), B').map((r) => r.T)).toEqual(['X', 'B']);
    expect(both('A | as X | union withsource=T (B | as Y)').map((r) => r.T)).toEqual(['X', 'Y']);
    const docs = runKql('range x from 1 to 2 step 1 | as T1 | union withsource=TableName (range x from 1 to 2 step 1 | as T2)');
    expect(docs.rows.map((r) => r.TableName)).toEqual(['T1', 'T1', 'T2', 'T2']);
    const alt = runKql('union withsource=TableName (range x from 1 to 1 step 1 | as T1), (range x from 1 to 1 step 1 | as T2)');
    expect(alt.rows).toEqual([{ TableName: 'T1', x: 1 }, { TableName: 'T2', x: 1 }]);
  });
  it('a wildcard matches tables, not let-bound names (the analyzer: "T*" does not refer to any known table)', () => {
    const q = 'let Ta = A; let Tb = B; union T*';
    expect(analyzeWithOracle(q, schemas).errors.length).toBeGreaterThan(0);
    expect(() => runKql(q, { A, B })).toThrow(KqlSemanticError);
  });
});

describe('union isfuzzy=true: a leg that names a column its data did not produce', () => {
  // After `evaluate bag_unpack`, later operators are bound again to the columns the data produced.
  const E: TableInput = { schema: [{ name: 'id', type: 'long' }, { name: 'd', type: 'dynamic' }], rows: [] };
  const q = (fuzzy: string) =>
    `union ${fuzzy} (E | evaluate bag_unpack(d) | extend Key = tostring(['@Name'])), (A | project k)`;

  it('gives no rows from that leg, and the other legs still run', () => {
    const result = runKql(q('isfuzzy=true'), { E, A });
    expect(result.rows.map((r) => r.k)).toEqual(['a']);
  });

  it('still fails without isfuzzy', () => {
    expect(() => runKql(q(''), { E, A })).toThrow(KqlSemanticError);
  });

  it('runs the leg when its data has the column', () => {
    const withData: TableInput = { ...E, rows: [{ id: 1, d: { '@Name': 'ProcessId', '#text': '42' } }] };
    const result = runKql(q('isfuzzy=true'), { E: withData, A });
    expect(result.rows.map((r) => [r.Key, r.k])).toEqual([['ProcessId', ''], ['', 'a']]);
  });
});
