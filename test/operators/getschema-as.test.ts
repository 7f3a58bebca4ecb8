/** getschema (getschema-operator.md) and as (a pass-through here). */
import { describe, expect, it } from 'vitest';
import { analyzeKql } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { rows, S, PEOPLE, EMPTY_PEOPLE, expectKqlError } from './helpers.js';

describe('getschema', () => {
  it('one row per input column: name, ordinal, .NET type, Kusto type', () => {
    expect(rows('P | getschema', { P: PEOPLE })).toEqual([
      { ColumnName: 'Name', ColumnOrdinal: 0, DataType: 'System.String', ColumnType: 'string' },
      { ColumnName: 'Age', ColumnOrdinal: 1, DataType: 'System.Int64', ColumnType: 'long' },
      { ColumnName: 'City', ColumnOrdinal: 2, DataType: 'System.String', ColumnType: 'string' },
      { ColumnName: 'Joined', ColumnOrdinal: 3, DataType: 'System.DateTime', ColumnType: 'datetime' },
      { ColumnName: 'Tags', ColumnOrdinal: 4, DataType: 'System.Object', ColumnType: 'dynamic' },
    ]);
    expect(rows('print i = toint(1), r = 1.5 | getschema | project DataType')).toEqual([{ DataType: 'System.Int32' }, { DataType: 'System.Double' }]);
  });

  it('empty input still has a schema; null values do not matter', () => {
    expect(rows('P | getschema | count', { P: EMPTY_PEOPLE })).toEqual([{ Count: 5 }]);
  });

  it('schema agrees with the analyzer; getschema takes no arguments', () => {
    const q = 'P | getschema';
    expect(formatColumns(analyzeKql(q, { schemas: S }).columns)).toBe(formatColumns(analyzeWithOracle(q, S).columns));
    expectKqlError(() => analyzeKql('P | getschema Name', { schemas: S }));
  });
});

describe('as', () => {
  it('passes rows through unchanged (with or without hint.materialized)', () => {
    expect(rows('P | as X | project Name', { P: PEOPLE })).toEqual([{ Name: 'Ann' }, { Name: 'Bob' }, { Name: 'Cid' }, { Name: 'Dee' }]);
    expect(rows('P | as hint.materialized=true X | where isnull(Age) | project Name', { P: PEOPLE })).toEqual([{ Name: 'Cid' }]);
    expect(rows('P | as X', { P: EMPTY_PEOPLE })).toEqual([]);
  });

  it('needs a name; schema agrees with the analyzer', () => {
    expectKqlError(() => analyzeKql('P | as', { schemas: S }));
    const q = 'P | as X';
    expect(formatColumns(analyzeKql(q, { schemas: S }).columns)).toBe(formatColumns(analyzeWithOracle(q, S).columns));
  });
});
