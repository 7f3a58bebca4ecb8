import { describe, expect, it } from 'vitest';
import { rows, cols, schemaOf, expectSemantic, at, PEOPLE, EMPTY_PEOPLE, S } from './helpers.js';

describe('project', () => {
  it('selects, renames and computes columns in the order written', () => {
    expect(rows('P | take 2 | project City, N = Name, A2 = Age * 2', { P: PEOPLE })).toEqual([
      { City: 'Paris', N: 'Ann', A2: 60 },
      { City: 'Oslo', N: 'Bob', A2: 50 },
    ]);
    expect(schemaOf('P | project City, N = Name, A2 = Age * 2', S)).toBe('City:string, N:string, A2:long');
  });
  it('an unnamed expression is named Column1', () => {
    expect(cols('print a = 2 | project a * 2')).toBe('Column1:long');
  });
  it('nulls pass through unchanged', () => {
    expect(rows('P | where Name == "Cid" | project Age, Joined, Tags, City', { P: PEOPLE })).toEqual([
      { Age: null, Joined: null, Tags: null, City: 'Paris' },
    ]);
  });
  it('empty input keeps the projected schema', () => {
    expect(rows('P | project Name', { P: EMPTY_PEOPLE })).toEqual([]);
    expect(cols('P | project Name', { P: EMPTY_PEOPLE })).toBe('Name:string');
  });
  it('unknown column is a semantic error naming the column', () => {
    const q = 'P | project Name, Nope';
    const e = expectSemantic(q, S, 'SEM_UNKNOWN_COLUMN', 1, at(q, 'Nope'));
    expect(e.message).toContain('Nope');
  });
  it('duplicate output name is a semantic error', () => {
    const q = 'P | project Name, Name';
    expectSemantic(q, S, 'SEM_DUPLICATE_COLUMN', 1, at(q, 'Name', 13));
  });
  it('wrong type inside an expression', () => {
    const q = 'P | project x = strlen(Age)';
    expectSemantic(q, S, 'SEM_TYPE_MISMATCH', 1, at(q, 'Age'));
  });
});
