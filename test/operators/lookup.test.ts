/** lookup: expected values worked out by hand from lookup-operator.md; schemas checked against the analyzer. */
import { describe, expect, it } from 'vitest';
import { analyzeKql } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { rows, cols, expectSemantic, at } from './helpers.js';

const FACT = `let FactTable=datatable(Row:string,Personal:string,Family:string) [
  "1", "Bill",   "Gates",
  "2", "Bill",   "Clinton",
  "3", "Bill",   "Clinton",
  "4", "Steve",  "Ballmer",
  "5", "Tim",    "Cook",
  "6", "Ann",    "Other"
];
let DimTable=datatable(Personal:string,Family:string,Alias:string) [
  "Bill",  "Gates",   "billg",
  "Bill",  "Clinton", "billc",
  "Steve", "Ballmer", "steveb",
  "Tim",   "Cook",    "timc"
];
`;

const X = [{ name: 'a', type: 'string' as const }, { name: 'b', type: 'long' as const }];
const Y = [{ name: 'a', type: 'string' as const }, { name: 'c', type: 'long' as const }, { name: 'b', type: 'real' as const }, { name: 'x', type: 'string' as const }];
const SCHEMAS = { X, Y };

describe('lookup', () => {
  it('leftouter (the default): the docs example, keys not repeated, unmatched rows keep nulls', () => {
    const q = FACT + 'FactTable | lookup kind=leftouter DimTable on Personal, Family';
    expect(cols(q)).toBe('Row:string, Personal:string, Family:string, Alias:string');
    expect(rows(q)).toEqual([
      { Row: '1', Personal: 'Bill', Family: 'Gates', Alias: 'billg' },
      { Row: '2', Personal: 'Bill', Family: 'Clinton', Alias: 'billc' },
      { Row: '3', Personal: 'Bill', Family: 'Clinton', Alias: 'billc' },
      { Row: '4', Personal: 'Steve', Family: 'Ballmer', Alias: 'steveb' },
      { Row: '5', Personal: 'Tim', Family: 'Cook', Alias: 'timc' },
      { Row: '6', Personal: 'Ann', Family: 'Other', Alias: '' },
    ]);
    expect(rows(FACT + 'FactTable | lookup DimTable on Personal, Family | where Row == "6"')).toEqual([{ Row: '6', Personal: 'Ann', Family: 'Other', Alias: '' }]);
  });

  it('inner drops unmatched rows; $left.a == $right.b drops the right key; clashes get a suffix', () => {
    expect(rows(FACT + 'FactTable | lookup kind=inner (DimTable | project Surname = Family, Alias) on $left.Family == $right.Surname | project Row, Alias')).toEqual([
      { Row: '1', Alias: 'billg' }, { Row: '2', Alias: 'billc' }, { Row: '3', Alias: 'billc' }, { Row: '4', Alias: 'steveb' }, { Row: '5', Alias: 'timc' },
    ]);
    const q = 'datatable(a:string, b:long)["k", 1] | lookup (datatable(a:string, x:string, b:real)["k", "v", 2.5]) on a';
    expect(cols(q)).toBe('a:string, b:long, x:string, b1:real');
    expect(rows(q)).toEqual([{ a: 'k', b: 1, x: 'v', b1: 2.5 }]);
  });

  it('a null key matches nothing; every matching right row produces a row', () => {
    const q = `datatable(k:long, v:string)[1, "a", long(null), "n"] | lookup (datatable(k:long, w:string)[1, "x", 1, "y", long(null), "z"]) on k`;
    expect(rows(q)).toEqual([{ k: 1, v: 'a', w: 'x' }, { k: 1, v: 'a', w: 'y' }, { k: null, v: 'n', w: '' }]);
  });

  it('empty input on either side', () => {
    expect(rows(FACT + 'FactTable | where Row == "none" | lookup DimTable on Personal, Family')).toEqual([]);
    expect(rows(FACT + 'FactTable | lookup (DimTable | take 0) on Personal, Family | project Alias')).toHaveLength(6);
  });

  it('semantic errors: key types differ, unknown key, a join-only kind', () => {
    const q1 = 'X | lookup Y on b';
    expectSemantic(q1, SCHEMAS, 'SEM_TYPE_MISMATCH', 1, at(q1, 'b'));
    const q2 = 'X | lookup Y on $left.a == $right.zz';
    expectSemantic(q2, SCHEMAS, 'SEM_UNKNOWN_COLUMN', 1, at(q2, '$right'));
    const q3 = 'X | lookup kind=fullouter Y on a';
    expectSemantic(q3, SCHEMAS, 'SEM_INVALID_ARGUMENT', 1, at(q3, 'kind'));
  });

  it('result schemas agree with the analyzer', () => {
    for (const q of ['X | lookup Y on a', 'X | lookup Y on $left.a == $right.x', 'X | lookup kind=inner Y on $left.b == $right.c', 'X | lookup (Y | project a, c) on a', 'X | lookup Y on $left.a == $right.x, a']) {
      expect(formatColumns(analyzeKql(q, { schemas: SCHEMAS }).columns), q).toBe(formatColumns(analyzeWithOracle(q, SCHEMAS).columns));
    }
  });
});
