import { describe, expect, it } from 'vitest';
import { rows, cols, expectSemantic, at, PEOPLE, EMPTY_PEOPLE, S } from './helpers.js';

const names = (rs: Record<string, unknown>[]) => rs.map((r) => r.Name);

describe('sort / order', () => {
  it('defaults to descending, nulls last', () => {
    expect(names(rows('P | sort by Age', { P: PEOPLE }))).toEqual(['Dee', 'Ann', 'Bob', 'Cid']);
    expect(names(rows('P | order by Age', { P: PEOPLE }))).toEqual(['Dee', 'Ann', 'Bob', 'Cid']);
  });
  it('asc puts nulls first by default', () => {
    expect(names(rows('P | sort by Age asc', { P: PEOPLE }))).toEqual(['Cid', 'Bob', 'Ann', 'Dee']);
  });
  it('explicit nulls first / nulls last', () => {
    expect(names(rows('P | sort by Age asc nulls last', { P: PEOPLE }))).toEqual(['Bob', 'Ann', 'Dee', 'Cid']);
    expect(names(rows('P | sort by Age desc nulls first', { P: PEOPLE }))).toEqual(['Cid', 'Dee', 'Ann', 'Bob']);
  });
  it('several keys; strings compare ordinally', () => {
    expect(names(rows('P | sort by City asc, Name desc | where City != ""', { P: PEOPLE }))).toEqual(['Bob', 'Cid', 'Ann']);
    expect(rows('datatable(s:string)["b", "B", "a"] | sort by s asc')).toEqual([{ s: 'B' }, { s: 'a' }, { s: 'b' }]);
  });
  it('datetime keys, nulls last when descending', () => {
    expect(names(rows('P | sort by Joined', { P: PEOPLE }))).toEqual(['Dee', 'Bob', 'Ann', 'Cid']);
  });
  it('empty input', () => {
    expect(rows('P | sort by Age', { P: EMPTY_PEOPLE })).toEqual([]);
    expect(cols('P | sort by Age', { P: EMPTY_PEOPLE })).toBe('Name:string, Age:long, City:string, Joined:datetime, Tags:dynamic');
  });
  it('unknown column', () => {
    const q = 'P | sort by Nope';
    expectSemantic(q, S, 'SEM_UNKNOWN_COLUMN', 1, at(q, 'Nope'));
  });
});

describe('top', () => {
  it('the first n rows by the expression, descending by default', () => {
    expect(names(rows('P | top 2 by Age', { P: PEOPLE }))).toEqual(['Dee', 'Ann']);
  });
  it('asc: nulls first by default, nulls last on request', () => {
    expect(names(rows('P | top 2 by Age asc', { P: PEOPLE }))).toEqual(['Cid', 'Bob']);
    expect(names(rows('P | top 2 by Age asc nulls last', { P: PEOPLE }))).toEqual(['Bob', 'Ann']);
  });
  it('n larger than the input returns every row, sorted', () => {
    expect(names(rows('P | top 10 by Name asc', { P: PEOPLE }))).toEqual(['Ann', 'Bob', 'Cid', 'Dee']);
  });
  it('empty input', () => {
    expect(rows('P | top 3 by Age', { P: EMPTY_PEOPLE })).toEqual([]);
  });
  it('a non-numeric count is rejected', () => {
    const q = 'P | top "x" by Age';
    expectSemantic(q, S, 'SEM_INVALID_ARGUMENT', 1, at(q, '"x"'));
  });
});
