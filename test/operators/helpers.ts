/** Shared helpers for the operator tests: run with a fixed clock, compare rows as multisets, assert errors. */
import { expect } from 'vitest';
import { analyzeKql, runKql, KqlError, KqlSemanticError, KqlSyntaxError, type TableInput } from '../../src/index.js';
import type { ColumnSchema } from '../../src/runtime/types.js';

export const NOW = '2024-05-01T12:00:00Z';

export function run(query: string, tables: Record<string, TableInput> = {}) {
  return runKql(query, tables, { now: NOW });
}
export function rows(query: string, tables: Record<string, TableInput> = {}) {
  return run(query, tables).rows;
}
/** "name:type, ..." of a query's result. */
export function cols(query: string, tables: Record<string, TableInput> = {}): string {
  return run(query, tables)
    .columns.map((c) => `${c.name}:${c.type}`)
    .join(', ');
}
export function schemaOf(query: string, schemas: Record<string, ColumnSchema[]> = {}): string {
  return analyzeKql(query, { schemas })
    .columns.map((c) => `${c.name}:${c.type}`)
    .join(', ');
}
/** Rows in a canonical order, for operators whose output order Kusto does not define. */
export function unordered(rs: Record<string, unknown>[]): string[] {
  return rs.map((r) => JSON.stringify(r)).sort();
}

export function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, but the query succeeded');
}

/** Asserts analyzeKql(query) fails with a semantic error of `code` at line:column. */
export function expectSemantic(
  query: string,
  schemas: Record<string, ColumnSchema[]>,
  code: string,
  line: number,
  column: number,
): KqlSemanticError {
  const e = catchError(() => analyzeKql(query, { schemas }));
  expect(e, String(e)).toBeInstanceOf(KqlSemanticError);
  const k = e as KqlSemanticError;
  expect({ code: k.code, line: k.line, column: k.column }, k.message).toEqual({ code, line, column });
  return k;
}

export function expectSyntax(query: string, code: string, line: number, column: number): KqlSyntaxError {
  const e = catchError(() => analyzeKql(query));
  expect(e, String(e)).toBeInstanceOf(KqlSyntaxError);
  const k = e as KqlSyntaxError;
  expect({ code: k.code, line: k.line, column: k.column }, k.message).toEqual({ code, line, column });
  return k;
}

export function expectKqlError(fn: () => unknown): KqlError {
  const e = catchError(fn);
  expect(e, String(e)).toBeInstanceOf(KqlError);
  return e as KqlError;
}

/** A small typed table used by many tests. */
export const PEOPLE: TableInput = {
  schema: [
    { name: 'Name', type: 'string' },
    { name: 'Age', type: 'long' },
    { name: 'City', type: 'string' },
    { name: 'Joined', type: 'datetime' },
    { name: 'Tags', type: 'dynamic' },
  ],
  rows: [
    { Name: 'Ann', Age: 30, City: 'Paris', Joined: '2024-01-01T08:00:00Z', Tags: ['a', 'b'] },
    { Name: 'Bob', Age: 25, City: 'Oslo', Joined: '2024-01-01T20:00:00Z', Tags: [] },
    { Name: 'Cid', Age: null, City: 'Paris', Joined: null, Tags: null },
    { Name: 'Dee', Age: 41, City: '', Joined: '2024-01-03T00:00:00Z', Tags: ['c'] },
  ],
};
export const PEOPLE_SCHEMA = (PEOPLE as { schema: ColumnSchema[] }).schema;
export const EMPTY_PEOPLE: TableInput = { schema: PEOPLE_SCHEMA, rows: [] };
export const S = { P: PEOPLE_SCHEMA };
export const d = (s: string) => new Date(s);

/** 1-based column of the first occurrence of `needle` in `query` (single-line queries). */
export function at(query: string, needle: string, from = 0): number {
  const i = query.indexOf(needle, from);
  if (i < 0) throw new Error(`'${needle}' not in query`);
  return i + 1;
}
