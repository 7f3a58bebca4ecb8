import { describe, expect, it } from 'vitest';
import { rows, cols, schemaOf, expectSemantic, expectKqlError, at, run, PEOPLE, S } from './helpers.js';

describe('let', () => {
  it('scalar let', () => {
    expect(rows('let k = 30; P | where Age == k | project Name', { P: PEOPLE })).toEqual([{ Name: 'Ann' }]);
    expect(rows('let a = 2; let b = a * 3; print c = b')).toEqual([{ c: 6 }]);
  });
  it('print of a bare variable names the column print_0 (oracle), not after the variable', () => {
    expect(rows('let a = 2; let b = a * 3; print b')).toEqual([{ print_0: 6 }]);
  });
  it('tabular let', () => {
    expect(rows('let Old = P | where Age > 26; Old | count', { P: PEOPLE })).toEqual([{ Count: 2 }]);
    expect(rows('let t = datatable(a:long)[1, 2]; t | union t | count')).toEqual([{ Count: 4 }]);
  });
  it('a null scalar', () => {
    expect(rows('let n = long(null); print x = n + 1, y = isnull(n)')).toEqual([{ x: null, y: true }]);
  });
  it('a let over an empty table', () => {
    expect(rows('let E = P | where Age > 1000; E | summarize c = count()', { P: PEOPLE })).toEqual([{ c: 0 }]);
  });
  it('wrong type through a let', () => {
    const q = 'let x = "a"; print x + 1';
    expectSemantic(q, {}, 'SEM_TYPE_MISMATCH', 1, at(q, 'x +'));
  });
  it('an undefined name', () => {
    const q = 'let x = 1; print y';
    expectSemantic(q, {}, 'SEM_UNKNOWN_COLUMN', 1, at(q, 'y'));
  });
});

describe('datatable', () => {
  it('rows fill columns in order', () => {
    const q = 'datatable(n:long, s:string, t:datetime, b:bool, d:dynamic)[1, "a", datetime(2024-01-01), true, dynamic([1])]';
    expect(cols(q)).toBe('n:long, s:string, t:datetime, b:bool, d:dynamic');
    expect(rows(q)).toEqual([{ n: 1, s: 'a', t: new Date('2024-01-01T00:00:00Z'), b: true, d: [1] }]);
  });
  it('null values', () => {
    expect(rows('datatable(n:long, s:string)[long(null), ""]')).toEqual([{ n: null, s: '' }]);
  });
  it('no rows', () => {
    expect(rows('datatable(n:long)[]')).toEqual([]);
    expect(cols('datatable(n:long)[]')).toBe('n:long');
  });
  it('a value of the wrong type', () => {
    const q = 'datatable(a:long, b:string)[1, 2]';
    expectSemantic(q, {}, 'SEM_TYPE_MISMATCH', 1, at(q, '2]'));
  });
});

describe('print', () => {
  it('one row; unnamed columns are print_0, print_1, ...', () => {
    expect(cols('print 1, s = "x", 2.5')).toBe('print_0:long, s:string, print_2:real');
    expect(rows('print 1, s = "x", 2.5')).toEqual([{ print_0: 1, s: 'x', print_2: 2.5 }]);
  });
  it('null values', () => {
    expect(rows('print a = int(null), b = bool(null), c = dynamic(null), d = datetime(null), e = timespan(null)')).toEqual([
      { a: null, b: null, c: null, d: null, e: null },
    ]);
  });
  it('string results are never null', () => {
    expect(rows('print s = tostring(int(null))')).toEqual([{ s: '' }]);
  });
  it('wrong type', () => {
    const q = 'print strlen(1)';
    expectSemantic(q, {}, 'SEM_TYPE_MISMATCH', 1, at(q, '1'));
  });
  it('duplicate column names are rejected (oracle KS171)', () => {
    const q = 'print x = 1, x = 2';
    expectSemantic(q, {}, 'SEM_DUPLICATE_COLUMN', 1, at(q, 'x', 10));
  });
});

describe('range', () => {
  it('inclusive bounds, step', () => {
    expect(rows('range x from 1 to 5 step 2')).toEqual([{ x: 1 }, { x: 3 }, { x: 5 }]);
    expect(cols('range x from 1 to 5 step 2')).toBe('x:long');
  });
  it('datetime range with a timespan step', () => {
    expect(rows('range d from datetime(2024-01-01) to datetime(2024-01-03) step 1d')).toEqual([
      { d: new Date('2024-01-01T00:00:00Z') },
      { d: new Date('2024-01-02T00:00:00Z') },
      { d: new Date('2024-01-03T00:00:00Z') },
    ]);
  });
  it('negative step counts down; a step away from the end gives no rows', () => {
    expect(rows('range x from 5 to 1 step -2')).toEqual([{ x: 5 }, { x: 3 }, { x: 1 }]);
    expect(rows('range x from 5 to 1 step 1')).toEqual([]);
  });
  it('docs example: range Steps from 1 to 8 step 3', () => {
    expect(rows('range Steps from 1 to 8 step 3')).toEqual([{ Steps: 1 }, { Steps: 4 }, { Steps: 7 }]);
  });
  it('a string bound is a type mismatch (oracle KS138)', () => {
    const q = 'range x from 1 to "a" step 1';
    expectSemantic(q, {}, 'SEM_TYPE_MISMATCH', 1, at(q, '"a"'));
  });
});

describe('table sources', () => {
  it('an unknown table is a semantic error naming it', () => {
    const q = 'Nope | take 1';
    const e = expectSemantic(q, S, 'SEM_UNKNOWN_TABLE', 1, 1);
    expect(e.message).toContain('Nope');
    expectKqlError(() => run(q, {}));
  });
  it('schema of an inferred-from-rows table', () => {
    expect(cols('T', { T: [{ a: 'x', n: 1, r: 1.5, b: true, t: '2024-01-01T00:00:00Z', d: { k: 1 } }] })).toBe(
      'a:string, n:long, r:real, b:bool, t:datetime, d:dynamic',
    );
    expect(schemaOf('P | take 0', S)).toBe('Name:string, Age:long, City:string, Joined:datetime, Tags:dynamic');
  });
});
