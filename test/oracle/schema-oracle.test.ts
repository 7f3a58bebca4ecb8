/**
 * Result schemas of every queries/**\/*.kql file: our analyzeKql against
 * Microsoft's analyzer (the oracle), with the built-in Sentinel schemas.
 * A query the oracle rejects must make analyzeKql throw a KqlError.
 * (The oracle harness itself is checked in oracle-harness.test.ts, which does
 * not import the engine.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeKql, KqlError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { builtinSchemas, listQueryFiles, schemasFor, SEED_RULE_PATH } from '../support/queries.js';

const files = listQueryFiles();

describe('queries/**/*.kql: analyzeKql matches the oracle', () => {
  test('there are query files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files.map((f) => [f.rel, f] as const))('%s', (_rel, file) => {
    const schemas = schemasFor(file.path);
    const oracle = analyzeWithOracle(file.text, schemas);
    if (oracle.errors.length > 0) {
      expect(() => analyzeKql(file.text, { schemas }), `oracle: ${oracle.errors.map((e) => e.message).join('; ')}`).toThrow(KqlError);
      return;
    }
    expect(oracle.columns.every((c) => c.type !== 'unknown'), formatColumns(oracle.columns)).toBe(true);
    const ours = analyzeKql(file.text, { schemas });
    expect(formatColumns(ours.columns)).toBe(formatColumns(oracle.columns));
    expect(ours.columns).toEqual(oracle.columns);
  });
});

describe('built-in schemas are used without options', () => {
  test('seed rule analyzes with no schemas passed', () => {
    const seed = readFileSync(SEED_RULE_PATH, 'utf8');
    const oracle = analyzeWithOracle(seed, builtinSchemas());
    expect(analyzeKql(seed).columns).toEqual(oracle.columns);
  });
});
