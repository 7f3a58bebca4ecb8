import { describe, expect, it } from 'vitest';
import { rows, cols, schemaOf, expectSemantic, at, PEOPLE, EMPTY_PEOPLE, S } from './helpers.js';

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
  it('a later assignment can use an earlier one', () => {
    expect(rows('print a = 1 | extend b = a * 10, c = b + 1')).toEqual([{ a: 1, b: 10, c: 11 }]);
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
