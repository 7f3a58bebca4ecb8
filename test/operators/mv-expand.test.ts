import { describe, expect, it } from 'vitest';
import { rows, cols, schemaOf, expectSemantic, at, PEOPLE, EMPTY_PEOPLE, S } from './helpers.js';

describe('mv-expand', () => {
  it('expands an array: one row per element; empty array drops the row; null gives one null row', () => {
    expect(rows('P | mv-expand Tags | project Name, Tags', { P: PEOPLE })).toEqual([
      { Name: 'Ann', Tags: 'a' },
      { Name: 'Ann', Tags: 'b' },
      { Name: 'Cid', Tags: null },
      { Name: 'Dee', Tags: 'c' },
    ]);
  });
  it('docs example: expanding a property bag gives one single-property bag per row', () => {
    const q = 'datatable (a: int, b: dynamic)[1, dynamic({"prop1": "a1", "prop2": "b1"}), 2, dynamic({"prop1": "a2", "prop2": "b2"})] | mv-expand b';
    expect(rows(q)).toEqual([
      { a: 1, b: { prop1: 'a1' } },
      { a: 1, b: { prop2: 'b1' } },
      { a: 2, b: { prop1: 'a2' } },
      { a: 2, b: { prop2: 'b2' } },
    ]);
  });
  it('kind=array expands a bag into [key, value] pairs (docs)', () => {
    expect(rows('print x = 1 | mv-expand kind=array y = dynamic({"a":1, "b":2}) | project y')).toEqual([{ y: ['a', 1] }, { y: ['b', 2] }]);
  });
  it('docs example: with_itemindex', () => {
    const q = 'range x from 1 to 4 step 1 | summarize x = make_list(x) | mv-expand with_itemindex=Index x';
    expect(cols(q)).toBe('x:dynamic, Index:long');
    expect(rows(q)).toEqual([
      { x: 1, Index: 0 },
      { x: 2, Index: 1 },
      { x: 3, Index: 2 },
      { x: 4, Index: 3 },
    ]);
  });
  it('to typeof(long): the column gets the type; non-conforming elements become null', () => {
    const q = 'print a = dynamic([1, "x", 3]) | mv-expand a to typeof(long)';
    expect(cols(q)).toBe('a:long');
    expect(rows(q)).toEqual([{ a: 1 }, { a: null }, { a: 3 }]);
  });
  it('parallel expansion of two arrays pads the shorter with null', () => {
    const q = 'print a = dynamic([1, 2, 3]), b = dynamic(["x", "y"]) | mv-expand a, b';
    expect(rows(q)).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
      { a: 3, b: null },
    ]);
  });
  it('Name = expression adds a new column', () => {
    expect(schemaOf('P | mv-expand t = Tags', S)).toBe('Name:string, Age:long, City:string, Joined:datetime, Tags:dynamic, t:dynamic');
    expect(rows('print s = "a/b" | mv-expand p = split(s, "/")')).toEqual([
      { s: 'a/b', p: 'a' },
      { s: 'a/b', p: 'b' },
    ]);
  });
  it('limit caps the rows produced from each input row', () => {
    expect(rows('print a = dynamic([1, 2, 3]) | mv-expand a limit 2')).toEqual([{ a: 1 }, { a: 2 }]);
  });
  it('empty input', () => {
    expect(rows('P | mv-expand Tags', { P: EMPTY_PEOPLE })).toEqual([]);
  });
  it('expanding a non-dynamic column is a type mismatch (oracle KS141)', () => {
    const q = 'P | mv-expand Age';
    expectSemantic(q, S, 'SEM_TYPE_MISMATCH', 1, at(q, 'Age'));
  });
});
