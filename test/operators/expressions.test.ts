import { describe, expect, it } from 'vitest';
import { rows, cols, expectSemantic, expectSyntax, at, PEOPLE, EMPTY_PEOPLE, S } from './helpers.js';

const ev = (expr: string) => rows(`print x = ${expr}`)[0]!.x;
const H = 3_600_000;
const D = 24 * H;

describe('arithmetic', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['7 / 2', 3],
    ['-7 / 2', -3],
    ['7.0 / 2', 3.5],
    ['5 / 2.0', 2.5],
    ['7 % 3', 1],
    ['-7 % 3', 2], // never negative (numerical-operators.md)
    ['2.5 * 2', 5],
    ['1.0 / 0', Infinity],
    ['-1.0 / 0', -Infinity],
  ])('%s = %s', (expr, expected) => {
    expect(ev(expr)).toBe(expected);
  });
  it('result types (oracle): long op long -> long, int op int -> long, with a real -> real', () => {
    expect(cols('print a = 7 / 2, b = 7 / 2.0, c = int(7) / int(2)')).toBe('a:long, b:real, c:long');
  });
  it('datetimes and timespans', () => {
    expect(ev('datetime(2024-03-10 12:00) + 36h')).toEqual(new Date('2024-03-12T00:00:00Z'));
    expect(ev('datetime(2024-01-01) - 1h')).toEqual(new Date('2023-12-31T23:00:00Z'));
    expect(ev('datetime(2024-03-10) - datetime(2024-03-09 06:00)')).toBe(18 * H);
    expect(ev('2h * 3')).toBe(6 * H);
    expect(ev('1h / 2')).toBe(H / 2);
    expect(ev('90m / 1h')).toBe(1.5);
    expect(ev('1d - 1s')).toBe(D - 1000);
    expect(ev('-1d')).toBe(-D);
    expect(cols('print a = datetime(2024-01-02) - datetime(2024-01-01), b = 90m / 1h, c = now() - 1d')).toBe('a:timespan, b:real, c:datetime');
  });
  it('datetime arithmetic is in UTC even with a non-UTC TZ (DST day in Los Angeles)', () => {
    // 2024-03-10 is the US DST switch; adding 1d must add exactly 24h.
    expect(ev('datetime(2024-03-10 01:00) + 1d')).toEqual(new Date('2024-03-11T01:00:00Z'));
  });
  it('nulls propagate', () => {
    expect(rows('print a = 1 + long(null), b = datetime(null) + 1d, c = 1d * real(null)')).toEqual([{ a: null, b: null, c: null }]);
    expect(rows('P | where Name == "Cid" | project x = Age * 2, y = Joined + 1h', { P: PEOPLE })).toEqual([{ x: null, y: null }]);
  });
  it('empty input', () => {
    expect(rows('P | extend x = Age + 1', { P: EMPTY_PEOPLE })).toEqual([]);
  });
  it.each([
    // the error points at the operand that has no overload with the other
    ['print x = datetime(2024-01-01) + 1', 34],
    ['print x = 1d + 1', 16],
    ['print x = "a" + 1', 11],
  ])('wrong type: %s', (q, column) => {
    const e = expectSemantic(q, {}, 'SEM_TYPE_MISMATCH', 1, column);
    expect(e.message).toContain('+');
  });
});

describe('dynamic access', () => {
  const bag = 'dynamic({"a": {"b": [10, 20, 30]}, "c d": 1})';
  it('member access, bracket access, indexing', () => {
    expect(ev(`${bag}.a.b[0]`)).toBe(10);
    expect(ev(`${bag}["c d"]`)).toBe(1);
    expect(ev(`${bag}["a"]["b"][1]`)).toBe(20);
    expect(ev(`${bag}.a`)).toEqual({ b: [10, 20, 30] });
  });
  it('negative indexes count from the end', () => {
    expect(ev(`${bag}.a.b[-1]`)).toBe(30);
    expect(ev('split("a/b/c", "/")[-1]')).toBe('c');
    expect(ev('split("a/b/c", "/")[-3]')).toBe('a');
    expect(ev('split("C:/dir/file.txt", "/")[-1]')).toBe('file.txt');
  });
  it('missing keys, out-of-range indexes and null bases give null', () => {
    expect(ev(`${bag}.a.nope`)).toBeNull();
    expect(ev(`${bag}.a.b[3]`)).toBeNull();
    expect(ev(`${bag}.a.b[-4]`)).toBeNull();
    expect(ev('dynamic(null).a')).toBeNull();
    expect(ev('dynamic(null)[0]')).toBeNull();
    expect(ev('dynamic(5).a')).toBeNull();
    expect(ev('dynamic({"a":1}).a.b')).toBeNull();
  });
  it('over a table column, including null and empty arrays', () => {
    expect(rows('P | project Name, first = Tags[0], last = Tags[-1]', { P: PEOPLE })).toEqual([
      { Name: 'Ann', first: 'a', last: 'b' },
      { Name: 'Bob', first: null, last: null },
      { Name: 'Cid', first: null, last: null },
      { Name: 'Dee', first: 'c', last: 'c' },
    ]);
    expect(rows('P | project x = Tags[0]', { P: EMPTY_PEOPLE })).toEqual([]);
  });
  it('the result type is dynamic; tostring/tolong convert', () => {
    expect(cols('print a = dynamic([1])[0], b = tolong(dynamic([1])[0]) + 1, c = tostring(dynamic({"k":"v"}).k)')).toBe('a:dynamic, b:long, c:string');
    expect(rows('print b = tolong(dynamic([1])[0]) + 1, c = tostring(dynamic({"k":"v"}).k)')).toEqual([{ b: 2, c: 'v' }]);
  });
  it('member access on a non-dynamic value is a type error', () => {
    const q = 'print n = 5 | extend x = n.a';
    expectSemantic(q, {}, 'SEM_TYPE_MISMATCH', 1, at(q, 'n.a'));
    const q2 = 'print n = 5 | extend x = n[0]';
    expectSemantic(q2, {}, 'SEM_TYPE_MISMATCH', 1, at(q2, 'n[0]'));
  });
});

describe('literals', () => {
  it('strings: single, double, escapes, verbatim', () => {
    expect(rows(`print a = "say \\"hi\\"", b = 'it\\'s', c = 'tab\\there', d = "\\\\", e = "x'y", f = 'x"y'`)).toEqual([
      { a: 'say "hi"', b: "it's", c: 'tab\there', d: '\\', e: "x'y", f: 'x"y' },
    ]);
    expect(rows(`print a = @"c:\\temp", b = @'a\\b', c = @"say ""hi"""`)).toEqual([{ a: 'c:\\temp', b: 'a\\b', c: 'say "hi"' }]);
    expect(ev('""')).toBe('');
  });
  it('adjacent string literals are concatenated (docs; oracle accepts)', () => {
    expect(ev(`'this is a ' "concatenated " 'string'`)).toBe('this is a concatenated string');
  });
  it('timespans: d h m s ms, tick, microsecond, fractional, negative, time()', () => {
    expect(rows('print a = 1d, b = 2h, c = 30m, d = 10s, e = 100ms, f = 1.5h, g = -2d, h = time(1.02:03:04), i = 10000tick, j = 1000microsecond')).toEqual([
      { a: D, b: 2 * H, c: 30 * 60_000, d: 10_000, e: 100, f: 1.5 * H, g: -2 * D, h: D + 2 * H + 3 * 60_000 + 4000, i: 1, j: 1 },
    ]);
    expect(ev('100ms + 10s + 30m + 2h + 1d')).toBe(D + 2 * H + 30 * 60_000 + 10_000 + 100);
  });
  it('datetime literals are UTC', () => {
    expect(rows('print a = datetime(2024-01-01), b = datetime(2024-01-01 10:30:00), c = datetime(2024-01-01T10:30:00.123Z)')).toEqual([
      { a: new Date('2024-01-01T00:00:00Z'), b: new Date('2024-01-01T10:30:00Z'), c: new Date('2024-01-01T10:30:00.123Z') },
    ]);
  });
  it('datetime("...") with a quoted string is a valid literal (oracle accepts)', () => {
    expect(ev('datetime("2024-01-01T10:30:00Z")')).toEqual(new Date('2024-01-01T10:30:00Z'));
  });
  it('numbers: long, real, exponent, hex', () => {
    expect(rows('print a = 42, b = 2.5, c = 1e3, d = 0x10')).toEqual([{ a: 42, b: 2.5, c: 1000, d: 16 }]);
    expect(cols('print a = 42, b = 2.5, c = 1e3')).toBe('a:long, b:real, c:real');
  });
  it('dynamic arrays and bags', () => {
    expect(rows('print a = dynamic([1, "x", null, true]), b = dynamic({"k": {"n": [1, 2]}}), c = dynamic([]), d = dynamic({}), e = dynamic(null)')).toEqual([
      { a: [1, 'x', null, true], b: { k: { n: [1, 2] } }, c: [], d: {}, e: null },
    ]);
  });
  it('dynamic(["x"]) - an array holding one string is not a bracketed identifier', () => {
    expect(ev('dynamic(["x"])')).toEqual(['x']);
    expect(ev(`dynamic({"a": ['y']})`)).toEqual({ a: ['y'] });
  });
  it('typed nulls', () => {
    expect(rows('print a = long(null), b = real(null), c = bool(null), d = datetime(null), e = timespan(null), f = dynamic(null)')).toEqual([
      { a: null, b: null, c: null, d: null, e: null, f: null },
    ]);
  });
  it('bad literals are syntax errors', () => {
    expectSyntax('print x = datetime(2024-13-01)', 'SYN_BAD_LITERAL', 1, 11);
    expectSyntax('print x = "abc', 'SYN_UNTERMINATED_STRING', 1, 11);
  });
});
