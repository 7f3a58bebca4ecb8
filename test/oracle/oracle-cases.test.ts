/**
 * Result schemas of small queries over a tiny table T (and U): our analyzeKql
 * must report the same columns (names, order, types) as Microsoft's analyzer.
 * Queries the oracle rejects must make analyzeKql throw a KqlError.
 */
import { describe, expect, test } from 'vitest';
import { analyzeKql, KqlError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { CASE_SCHEMAS, ORACLE_CASES } from './oracle-cases.js';

/**
 * Features the oracle accepts that mini-kql does not support yet (issue 3 adds them): until then
 * they must fail with a clear KqlError, never a crash or a wrong schema. Remove a label when it lands.
 */
const NOT_YET_SUPPORTED = new Set<string>([]);

describe('analyzeKql result schema matches the oracle', () => {
  test('case labels are unique', () => {
    expect(new Set(ORACLE_CASES.map(([l]) => l)).size).toBe(ORACLE_CASES.length);
  });

  test.each(ORACLE_CASES)('%s', (label, query) => {
    if (NOT_YET_SUPPORTED.has(label)) {
      expect(() => analyzeKql(query, { schemas: CASE_SCHEMAS })).toThrow(KqlError);
      return;
    }
    const oracle = analyzeWithOracle(query, CASE_SCHEMAS);
    if (oracle.errors.length > 0) {
      expect(() => analyzeKql(query, { schemas: CASE_SCHEMAS }), `oracle: ${oracle.errors.map((e) => `${e.code} ${e.message}`).join('; ')}`).toThrow(KqlError);
      return;
    }
    // Harness guard: without errors the oracle types every column.
    expect(oracle.columns.every((c) => c.type !== 'unknown'), formatColumns(oracle.columns)).toBe(true);
    const ours = analyzeKql(query, { schemas: CASE_SCHEMAS });
    // Compare the readable form first for a clear diff, then exactly.
    expect(formatColumns(ours.columns)).toBe(formatColumns(oracle.columns));
    expect(ours.columns).toEqual(oracle.columns);
  });
});
