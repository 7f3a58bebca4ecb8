import { describe, expect, it } from 'vitest';
import { rows, expectSemantic, at, PEOPLE, EMPTY_PEOPLE, S } from './helpers.js';

/** Evaluates `print x = <expr>` and returns x. */
const ev = (expr: string) => rows(`print x = ${expr}`)[0]!.x;

describe('string operators', () => {
  it.each([
    // has: whole-term match, case-insensitive
    ['"North America" has "america"', true],
    ['"Hello World" has "world"', true],
    ['"Hello World" has "wor"', false],
    ['"abc-def ghi" has "def"', true],
    ['"Hello World" !has "wor"', true],
    ['"Hello World" has_cs "world"', false],
    ['"Hello World" has_cs "World"', true],
    ['"Hello World" !has_cs "world"', true],
    // has_any / has_all
    ['"the quick fox" has_any ("fox", "cat")', true],
    ['"the quick fox" has_any ("qu", "cat")', false],
    ['"the quick fox" has_any (dynamic(["FOX", "cat"]))', true],
    ['"the quick fox" has_all ("fox", "the")', true],
    ['"the quick fox" has_all ("fox", "dog")', false],
    // contains: substring, case-insensitive
    ['"Hello World" contains "LO W"', true],
    ['"Hello World" !contains "xyz"', true],
    ['"aBc" contains_cs "bc"', false],
    ['"aBc" contains_cs "Bc"', true],
    ['"aBc" !contains_cs "bc"', true],
    // startswith / endswith
    ['"Hello" startswith "he"', true],
    ['"Hello" startswith_cs "he"', false],
    ['"Hello" !startswith "x"', true],
    ['"Hello" !startswith_cs "He"', false],
    ['"Hello" endswith "LO"', true],
    ['"Hello" endswith_cs "LO"', false],
    ['"Hello" !endswith "lo"', false],
    ['"Hello" !endswith_cs "LO"', true],
    // equality
    ['"abc" == "ABC"', false],
    ['"abc" =~ "ABC"', true],
    ['"abc" !~ "ABC"', false],
    ['"abc" != "ABC"', true],
    // in family
    ['"a" in ("a", "b")', true],
    ['"A" in ("a", "b")', false],
    ['"A" !in ("a", "b")', true],
    ['"A" in~ ("a", "b")', true],
    ['"C" !in~ ("a", "b")', true],
    ['"B" !in~ ("a", "b")', false],
    ['2 in (1, 2, 3)', true],
    ['4 !in (1, 2, 3)', true],
    ['1 in (dynamic([1, 2]))', true],
    // between
    ['5 between (1 .. 10)', true],
    ['10 between (1 .. 10)', true],
    ['11 between (1 .. 10)', false],
    ['5 !between (1 .. 3)', true],
    ['2.5 between (2 .. 3)', true],
    ['datetime(2024-01-05) between (datetime(2024-01-01) .. datetime(2024-01-05))', true],
    ['2h between (1h .. 3h)', true],
  ])('%s -> %s', (expr, expected) => {
    expect(ev(expr)).toBe(expected);
  });

  it('datetime between (datetime .. timespan): the right bound may be a timespan (docs)', () => {
    expect(ev('datetime(2024-01-05) between (datetime(2024-01-01) .. 7d)')).toBe(true);
  });

  it('in a where clause over a table', () => {
    expect(rows('P | where City in~ ("PARIS") and Name !startswith "c" | project Name', { P: PEOPLE })).toEqual([{ Name: 'Ann' }]);
    expect(rows('P | where Name has_any ("bob", "dee") | project Name', { P: PEOPLE })).toEqual([{ Name: 'Bob' }, { Name: 'Dee' }]);
  });
  it('null operands: a null never matches in/between, and where drops the row', () => {
    expect(ev('long(null) in (1, 2)')).toBe(false);
    expect(rows('P | where Age between (20 .. 50) | project Name', { P: PEOPLE })).toEqual([{ Name: 'Ann' }, { Name: 'Bob' }, { Name: 'Dee' }]);
    expect(rows('P | where Age in (30, 25) | project Name', { P: PEOPLE })).toEqual([{ Name: 'Ann' }, { Name: 'Bob' }]);
    // strings are never null: an empty City is "" and has nothing
    expect(rows('P | where City has "a" | project Name', { P: PEOPLE })).toEqual([]);
    expect(rows('P | where City contains "a" | project Name', { P: PEOPLE })).toEqual([{ Name: 'Ann' }, { Name: 'Cid' }]);
  });
  it('empty input', () => {
    expect(rows('P | where Name has "a"', { P: EMPTY_PEOPLE })).toEqual([]);
  });
  it.each([
    ['P | where Age has "3"', 'Age'],
    ['P | where Name contains 1', '1'],
    ['P | where Name startswith Age', 'Age'],
    ['P | where Name =~ 1', '1'],
  ])('wrong type: %s', (q, needle) => {
    expectSemantic(q, S, 'SEM_TYPE_MISMATCH', 1, at(q, needle));
  });
});
