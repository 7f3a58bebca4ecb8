import { describe, expect, it } from 'vitest';
import { rows, cols, schemaOf, expectSemantic, at, PEOPLE, EMPTY_PEOPLE, S } from './helpers.js';
import { runKql, KqlSemanticError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

describe('extend', () => {
  it('appends computed columns after the input columns', () => {
    const q = 'P | extend Next = Age + 1, Upper = toupper(Name) | project Name, Next, Upper';
    expect(rows(q, { P: PEOPLE })).toEqual([
      { Name: 'Ann', Next: 31, Upper: 'ANN' },
      { Name: 'Bob', Next: 26, Upper: 'BOB' },
      { Name: 'Cid', Next: null, Upper: 'CID' },
      { Name: 'Dee', Next: 42, Upper: 'DEE' },
    ]);
    expect(schemaOf('P | extend Next = Age + 1', S)).toBe('Name:string, Age:long, City:string, Joined:datetime, Tags:dynamic, Next:long');
  });
  it('every item is computed from the input row: an item does not see what the same extend adds or replaces (analyzer)', () => {
    // The analyzer reports KS142 for a column added earlier in the same extend, and binds a replaced
    // column to the input's: so y is the input x + 1 and `x.a` reads the input's dynamic x.
    expect(rows('print x = 1 | extend x = x + 1, y = x + 1')).toEqual([{ x: 2, y: 2 }]);
    const q = 'print x = dynamic({"a": 1}) | extend x = "s", y = x.a';
    expect(cols(q)).toBe('x:string, y:dynamic');
    expect(formatColumns(analyzeWithOracle(q).columns)).toBe('x:string, y:dynamic');
    expect(rows(q)).toEqual([{ x: 's', y: 1 }]);
    const bad = 'print a = 1 | extend b = a * 10, c = b + 1';
    expect(analyzeWithOracle(bad).errors.map((e) => e.code)).toEqual(['KS142']);
    expectSemantic(bad, {}, 'SEM_UNKNOWN_COLUMN', 1, at(bad, 'b + 1'));
    expect(rows('print a = 1 | extend b = a * 10 | extend c = b + 1')).toEqual([{ a: 1, b: 10, c: 11 }]);
  });
  it('re-assigning an existing column replaces it in place (oracle: keeps the position, takes the new type)', () => {
    expect(schemaOf('P | extend Name = 1', S)).toBe('Name:long, Age:long, City:string, Joined:datetime, Tags:dynamic');
    expect(rows('print a = "x", b = 2 | extend a = b * 2')).toEqual([{ a: 4, b: 2 }]);
  });
  it('an unnamed expression gets Column1', () => {
    expect(cols('print a = 1 | extend a + 1')).toBe('a:long, Column1:long');
  });
  it('null inputs propagate; a string result is "" not null', () => {
    expect(rows('P | where Name == "Cid" | extend x = Age * 2, y = strcat(City, "") | project x, y', { P: PEOPLE })).toEqual([
      { x: null, y: 'Paris' },
    ]);
    expect(rows('print s = "a" | extend t = tostring(int(null))')).toEqual([{ s: 'a', t: '' }]);
  });
  it('empty input', () => {
    expect(rows('P | extend x = 1', { P: EMPTY_PEOPLE })).toEqual([]);
  });
  it('wrong type: string + long', () => {
    const q = 'P | extend x = Name + 1';
    expectSemantic(q, S, 'SEM_TYPE_MISMATCH', 1, at(q, 'Name +'));
  });
});

describe('extend: default names of functions with result columns (issue 11, as the analyzer names them)', () => {
  const D = { schema: [{ name: 'd', type: 'dynamic' as const }, { name: 'x', type: 'string' as const }], rows: [{ d: [3, 1, 2], x: 'q' }] };
  const both = (q: string) => {
    const r = runKql(q, { D });
    expect(formatColumns(r.columns), q).toBe(formatColumns(analyzeWithOracle(q, { D: D.schema }).columns));
    return r;
  };
  it('a taken x_sorted gets a number instead of replacing the column', () => {
    expect(both('D | extend array_sort_asc(d), array_sort_asc(d)').rows).toEqual([{ d: [3, 1, 2], x: 'q', d_sorted: [1, 2, 3], d_sorted1: [1, 2, 3] }]);
    expect(both('D | extend d_sorted = 1, array_sort_asc(d)').rows).toEqual([{ d: [3, 1, 2], x: 'q', d_sorted: 1, d_sorted1: [1, 2, 3] }]);
    both('D | extend array_sort_asc(d, d), array_sort_asc(d, d)');
    both('D | extend array_sort_asc(d, d) | extend array_sort_asc(d)');
    both('D | extend series_fit_line(d), series_fit_line(d)');
  });
  it('a repeated derived name of an ordinary expression is still an error (the analyzer: KS171 already declared)', () => {
    const q = 'D | extend tostring(x), tostring(x)';
    expect(analyzeWithOracle(q, { D: D.schema }).errors.map((e) => e.code)).toEqual(['KS171']);
    expect(() => runKql(q, { D })).toThrow(KqlSemanticError);
  });
});
