import { describe, expect, it } from 'vitest';
import { rows, cols, schemaOf, expectSemantic, at, unordered, PEOPLE, EMPTY_PEOPLE, S } from './helpers.js';

describe('distinct', () => {
  it('unique combinations of the listed columns', () => {
    expect(schemaOf('P | distinct City', S)).toBe('City:string');
    expect(unordered(rows('P | distinct City', { P: PEOPLE }))).toEqual(unordered([{ City: 'Paris' }, { City: 'Oslo' }, { City: '' }]));
    expect(rows('datatable(a:long, b:string)[1, "x", 1, "x", 1, "y"] | distinct a, b')).toHaveLength(2);
  });
  it('null is one distinct value', () => {
    const t = { T: { schema: [{ name: 'k', type: 'long' as const }], rows: [{ k: null }, { k: 1 }, { k: null }] } };
    expect(unordered(rows('T | distinct k', t))).toEqual(unordered([{ k: null }, { k: 1 }]));
  });
  it('distinct * over all columns', () => {
    expect(rows('datatable(a:long, b:string)[1, "x", 1, "x", 2, "x"] | distinct *')).toHaveLength(2);
  });
  it('empty input', () => {
    expect(rows('P | distinct City', { P: EMPTY_PEOPLE })).toEqual([]);
    expect(cols('P | distinct City', { P: EMPTY_PEOPLE })).toBe('City:string');
  });
  it('unknown column', () => {
    const q = 'P | distinct Nope';
    expectSemantic(q, S, 'SEM_UNKNOWN_COLUMN', 1, at(q, 'Nope'));
  });
});

describe('take / limit', () => {
  it('returns at most n rows', () => {
    expect(rows('P | take 2', { P: PEOPLE })).toHaveLength(2);
    expect(rows('P | limit 3', { P: PEOPLE })).toHaveLength(3);
    expect(rows('P | take 100', { P: PEOPLE })).toHaveLength(4);
    expect(rows('P | take 0', { P: PEOPLE })).toEqual([]);
  });
  it('rows with nulls are taken like any other', () => {
    expect(rows('P | where Name == "Cid" | take 1 | project Age', { P: PEOPLE })).toEqual([{ Age: null }]);
  });
  it('empty input', () => {
    expect(rows('P | take 5', { P: EMPTY_PEOPLE })).toEqual([]);
  });
  it('a non-numeric count is rejected', () => {
    const q = 'P | take "a"';
    expectSemantic(q, S, 'SEM_INVALID_ARGUMENT', 1, at(q, '"a"'));
  });
});

describe('count', () => {
  it('one row, one column Count:long', () => {
    expect(cols('P | count', { P: PEOPLE })).toBe('Count:long');
    expect(rows('P | count', { P: PEOPLE })).toEqual([{ Count: 4 }]);
  });
  it('counts rows holding nulls', () => {
    expect(rows('P | where isnull(Age) | count', { P: PEOPLE })).toEqual([{ Count: 1 }]);
  });
  it('empty input counts 0', () => {
    expect(rows('P | count', { P: EMPTY_PEOPLE })).toEqual([{ Count: 0 }]);
  });
  it('Count is a long: using it as a predicate is a type mismatch', () => {
    const q = 'P | count | where Count';
    expectSemantic(q, S, 'SEM_TYPE_MISMATCH', 1, at(q, 'Count', 15));
  });
});
