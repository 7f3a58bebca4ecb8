import { describe, expect, it } from 'vitest';
import { rows, cols, schemaOf, expectSemantic, at, PEOPLE, EMPTY_PEOPLE, S } from './helpers.js';

describe('project-away', () => {
  it('removes the named columns and keeps the rest in order', () => {
    expect(schemaOf('P | project-away Age, Tags', S)).toBe('Name:string, City:string, Joined:datetime');
    expect(rows('P | project-away Age, Tags, Joined | take 1', { P: PEOPLE })).toEqual([{ Name: 'Ann', City: 'Paris' }]);
  });
  it('supports wildcards', () => {
    // Name, City do not start with 'J' or 'T'.
    expect(schemaOf('P | project-away J*, T*', S)).toBe('Name:string, Age:long, City:string');
  });
  it('keeps null values in the remaining columns', () => {
    expect(rows('P | where Name == "Cid" | project-away Name, City, Tags', { P: PEOPLE })).toEqual([{ Age: null, Joined: null }]);
  });
  it('empty input', () => {
    expect(rows('P | project-away Age', { P: EMPTY_PEOPLE })).toEqual([]);
    expect(cols('P | project-away Age', { P: EMPTY_PEOPLE })).toBe('Name:string, City:string, Joined:datetime, Tags:dynamic');
  });
  it('unknown column is a semantic error', () => {
    const q = 'P | project-away Nope';
    expectSemantic(q, S, 'SEM_UNKNOWN_COLUMN', 1, at(q, 'Nope'));
  });
});

describe('project-keep', () => {
  it('keeps the named columns in input order (not the order written)', () => {
    expect(schemaOf('P | project-keep City, Name', S)).toBe('Name:string, City:string');
    expect(rows('P | project-keep City, Name | take 1', { P: PEOPLE })).toEqual([{ Name: 'Ann', City: 'Paris' }]);
  });
  it('wildcards', () => {
    expect(schemaOf('P | project-keep *e*', S)).toBe('Name:string, Age:long, Joined:datetime');
  });
  it('null values and empty input', () => {
    expect(rows('P | where Name == "Cid" | project-keep Age', { P: PEOPLE })).toEqual([{ Age: null }]);
    expect(rows('P | project-keep Age', { P: EMPTY_PEOPLE })).toEqual([]);
  });
  it('unknown column is a semantic error', () => {
    const q = 'P | project-keep Nope';
    expectSemantic(q, S, 'SEM_UNKNOWN_COLUMN', 1, at(q, 'Nope'));
  });
});

describe('project-reorder', () => {
  it('a pattern then asc/desc (project-reorder-operator.md): the word after a space is the order, not part of the pattern', () => {
    expect(rows("print b = 'b', a2='a2', a3='a3', a1='a1' | project-reorder a* asc", {})).toEqual([{ a1: 'a1', a2: 'a2', a3: 'a3', b: 'b' }]);
    expect(cols("print b = 'b', a2='a2', a3='a3', a1='a1' | project-reorder a* desc", {})).toBe('a3:string, a2:string, a1:string, b:string');
    expect(cols("print a='a', b='b', c='c' | project-reorder b", {})).toBe('b:string, a:string, c:string');
    // Without spaces the words are one pattern.
    expect(cols("print xay = 1, b = 2 | project-reorder x*y", {})).toBe('xay:long, b:long');
  });
  it('moves the named columns to the front and keeps the others after them', () => {
    expect(schemaOf('P | project-reorder Tags, Age', S)).toBe('Tags:dynamic, Age:long, Name:string, City:string, Joined:datetime');
    expect(rows('P | take 1 | project-reorder City, Name', { P: PEOPLE })).toEqual([
      { City: 'Paris', Name: 'Ann', Age: 30, Joined: new Date('2024-01-01T08:00:00Z'), Tags: ['a', 'b'] },
    ]);
  });
  it('null values and empty input', () => {
    expect(rows('P | where Name == "Cid" | project-reorder Age | project Age', { P: PEOPLE })).toEqual([{ Age: null }]);
    expect(rows('P | project-reorder Age', { P: EMPTY_PEOPLE })).toEqual([]);
  });
  it('unknown column is a semantic error', () => {
    const q = 'P | project-reorder Nope';
    expectSemantic(q, S, 'SEM_UNKNOWN_COLUMN', 1, at(q, 'Nope'));
  });
});

describe('project-rename', () => {
  it('renames in place', () => {
    expect(schemaOf('P | project-rename Who = Name, Years = Age', S)).toBe('Who:string, Years:long, City:string, Joined:datetime, Tags:dynamic');
    expect(rows('P | project-rename Who = Name | project Who | take 2', { P: PEOPLE })).toEqual([{ Who: 'Ann' }, { Who: 'Bob' }]);
  });
  it('null values and empty input', () => {
    expect(rows('P | where Name == "Cid" | project-rename Y = Age | project Y', { P: PEOPLE })).toEqual([{ Y: null }]);
    expect(rows('P | project-rename Y = Age', { P: EMPTY_PEOPLE })).toEqual([]);
  });
  it('renaming a missing column is a semantic error', () => {
    const q = 'P | project-rename Y = Nope';
    expectSemantic(q, S, 'SEM_UNKNOWN_COLUMN', 1, at(q, 'Nope'));
  });
});
