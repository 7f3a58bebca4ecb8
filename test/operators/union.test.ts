import { describe, expect, it } from 'vitest';
import { rows, cols, schemaOf, expectSemantic, at } from './helpers.js';
import type { TableInput, ColumnSchema } from '../../src/index.js';

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
});
