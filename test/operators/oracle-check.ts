/** Shared by the issue-11 operator tests: a query's result schema must equal the analyzer's. */
import { expect } from 'vitest';
import { analyzeKql } from '../../src/index.js';
import type { ColumnSchema } from '../../src/runtime/types.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

export function expectOracleSchema(query: string, schemas: Record<string, ColumnSchema[]> = {}): string {
  const oracle = analyzeWithOracle(query, schemas);
  expect(oracle.errors, query).toEqual([]);
  const ours = formatColumns(analyzeKql(query, { schemas }).columns);
  expect(ours, query).toBe(formatColumns(oracle.columns));
  return ours;
}

/** The analyzer reports an error, and so does mini-kql (syntax or semantic). */
export function expectBothReject(query: string, schemas: Record<string, ColumnSchema[]> = {}): void {
  expect(analyzeWithOracle(query, schemas).errors.length, query).toBeGreaterThan(0);
  expect(() => analyzeKql(query, { schemas }), query).toThrow();
}
