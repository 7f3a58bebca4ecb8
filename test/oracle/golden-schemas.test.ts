/**
 * Guards the hand-written golden files: where queries/<case>/expected.json
 * declares "columns", Microsoft's analyzer must report the same result schema
 * for the case's .kql file. Does not import the engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { listQueryFiles, schemasFor } from '../support/queries.js';

const cases = listQueryFiles()
  .map((f) => ({ ...f, expectedPath: join(dirname(f.path), 'expected.json') }))
  .filter((f) => existsSync(f.expectedPath))
  .map((f) => ({ ...f, expected: JSON.parse(readFileSync(f.expectedPath, 'utf8')) as { columns?: { name: string; type: string }[]; error?: unknown } }))
  .filter((f) => Array.isArray(f.expected.columns));

describe('golden expected.json columns agree with the oracle', () => {
  test.skipIf(cases.length > 0)('no golden cases with columns yet', () => {});
  test.each(cases.map((c) => [c.rel, c] as const))('%s', (_rel, c) => {
    const oracle = analyzeWithOracle(c.text, schemasFor(c.path));
    expect(oracle.errors.map((e) => e.message)).toEqual([]);
    expect(formatColumns(c.expected.columns!)).toBe(formatColumns(oracle.columns));
  });
});
