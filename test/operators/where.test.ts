import { describe, expect, it } from 'vitest';
import { analyzeKql, runKql } from '../../src/index.js';
import { rows, cols, expectSemantic, at, PEOPLE, EMPTY_PEOPLE, S } from './helpers.js';

describe('where', () => {
  it('keeps rows whose predicate is true, in input order', () => {
    expect(rows('P | where Age > 26 | project Name', { P: PEOPLE })).toEqual([{ Name: 'Ann' }, { Name: 'Dee' }]);
  });
  it('combines predicates with and/or/not', () => {
    expect(rows('P | where City == "Paris" and Age < 35 or Name == "Dee" | project Name', { P: PEOPLE })).toEqual([
      { Name: 'Ann' },
      { Name: 'Dee' },
    ]);
    expect(rows('P | where not(City == "Paris") | project Name', { P: PEOPLE })).toEqual([{ Name: 'Bob' }, { Name: 'Dee' }]);
  });
  it('docs example: range x from 1 to 100 | where x between (50 .. 55)', () => {
    expect(rows('range x from 1 to 100 step 1 | where x between (50 .. 55)')).toEqual([50, 51, 52, 53, 54, 55].map((x) => ({ x })));
  });
  it('drops rows whose predicate is null', () => {
    // Cid's Age is null: Age > 0 is null, Age <= 0 is null -> neither keeps it.
    expect(rows('P | where Age > 0 | project Name', { P: PEOPLE }).map((r) => r.Name)).toEqual(['Ann', 'Bob', 'Dee']);
    expect(rows('P | where Age <= 0', { P: PEOPLE })).toEqual([]);
    expect(rows('P | where isnull(Age) | project Name', { P: PEOPLE })).toEqual([{ Name: 'Cid' }]);
  });
  it('filters on an empty string column (strings are never null)', () => {
    expect(rows('P | where isempty(City) | project Name', { P: PEOPLE })).toEqual([{ Name: 'Dee' }]);
  });
  it('empty input gives empty output with the same columns', () => {
    expect(rows('P | where Age > 1', { P: EMPTY_PEOPLE })).toEqual([]);
    expect(cols('P | where Age > 1', { P: EMPTY_PEOPLE })).toBe('Name:string, Age:long, City:string, Joined:datetime, Tags:dynamic');
  });
  it('a non-boolean predicate is a type mismatch at the predicate', () => {
    const q = 'P | where Age';
    expectSemantic(q, S, 'SEM_TYPE_MISMATCH', 1, at(q, 'Age'));
  });
  it('ordering a long against a string is a semantic error', () => {
    const q = 'P | where Age < "a"';
    const e = expectSemantic(q, S, 'SEM_TYPE_MISMATCH', 1, at(q, '"a"'));
    expect(e.message).toMatch(/long/);
  });
  it('long == string binds, as in the analyzer; the string is read as a number, text that is no number matches nothing', () => {
    const q = 'P | where Age == "30" or Age == "x" | project Name';
    expect(analyzeKql(q, { schemas: S }).columns).toEqual([{ name: 'Name', type: 'string' }]);
    expect(runKql(q, { P: PEOPLE }).rows).toEqual([{ Name: 'Ann' }]);
    expect(runKql('print a = "0" == 0, b = "0" != 0, c = "x" == 0, d = "x" != 0, e = "True" == true, f = "" == 0', {}).rows)
      .toEqual([{ a: true, b: false, c: false, d: true, e: true, f: false }]);
  });
});
