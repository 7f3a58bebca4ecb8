/**
 * Guards the oracle harness (test/support/oracle.ts) itself. Deliberately does
 * not import the engine, so it runs even while the engine is incomplete.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeWithOracle, formatColumns, mapOracleType } from '../support/oracle.js';
import { builtinSchemas, SEED_RULE_PATH } from '../support/queries.js';

const SEED_COLUMNS_TAIL =
  'AccountObjectId1:string, AccountUPN:string, JobTitle:string, TimeDiff:long, Name:dynamic, UPNSuffix:dynamic';

describe('oracle harness', () => {
  test('the oracle reports the 27 seed rule columns', () => {
    expect(existsSync(SEED_RULE_PATH), `missing ${SEED_RULE_PATH}`).toBe(true);
    const seed = readFileSync(SEED_RULE_PATH, 'utf8');
    const r = analyzeWithOracle(seed, builtinSchemas());
    expect(r.errors).toEqual([]);
    expect(r.resultKind).toBe('table');
    expect(r.columns).toHaveLength(27);
    const text = formatColumns(r.columns);
    expect(text.startsWith('AlertName:string, ProductName:string, ')).toBe(true);
    expect(text.endsWith(SEED_COLUMNS_TAIL)).toBe(true);
  });

  test('the oracle reports errors with positions', () => {
    const r = analyzeWithOracle('T | where nope == 1', { T: [{ name: 'a', type: 'string' }] });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'KS142', start: 10, length: 4, severity: 'Error' });
  });
});

describe('oracle type mapping', () => {
  test('each scalar type round-trips through a table schema', () => {
    const types = ['bool', 'int', 'long', 'real', 'decimal', 'string', 'datetime', 'timespan', 'guid', 'dynamic'] as const;
    const cols = types.map((t) => ({ name: `c_${t}`, type: t }));
    const r = analyzeWithOracle('T', { T: cols });
    expect(r.errors).toEqual([]);
    expect(r.columns).toEqual(cols);
  });

  test('dynamic flavours map to dynamic; odd column names survive quoting', () => {
    const r = analyzeWithOracle("T | extend arr = pack_array(1), bag = bag_pack('k', 1)", { T: [{ name: "it's a\\b", type: 'long' }] });
    expect(r.errors).toEqual([]);
    expect(r.columns).toEqual([
      { name: "it's a\\b", type: 'long' },
      { name: 'arr', type: 'dynamic' },
      { name: 'bag', type: 'dynamic' },
    ]);
    expect(mapOracleType('unknown')).toBe('unknown');
    expect(mapOracleType('type')).toBe('unknown');
  });

  test('scalar results have no columns', () => {
    const r = analyzeWithOracle('1 + 1', {});
    expect(r.resultKind).toBe('scalar');
    expect(r.columns).toEqual([]);
  });
});
