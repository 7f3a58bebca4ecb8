import { describe, expect, it } from 'vitest';
import { bindError, call, type Case } from './helpers.js';

const S = 'string' as const;
const c = (s: string): ['string', string] => ['string', s];
const guid = '82b8be2d-dfa7-4bd1-8f63-24ad26d31449';
// Expected values from the examples in extract-function.md, extract-all-function.md, replace-regex-function.md,
// trim-function.md, trim-start-function.md, trim-end-function.md and indexof-regex-function.md, or worked by hand.
const cases: Case[] = [
  ['extract', [c('-(\\d{2})-'), 'long', S], ['-(\\d{2})-', 1, '15-12-2024'], '12'],
  ['extract', [c('User: ([^,]+)'), 'long', S], ['User: ([^,]+)', 1, 'User: JohnDoe, Email: johndoe@example.com, Age: 29'], 'JohnDoe'],
  ['extract', [c('x=(\\d+)'), 'long', S], ['x=(\\d+)', 0, 'a x=42 b'], 'x=42'],
  ['extract', [c('x=(\\d+)'), 'long', S], ['x=(\\d+)', 1, 'no match'], ''],
  ['extract', [c('x=(\\d+)'), 'long', S], ['x=(\\d+)', 2, 'x=1'], ''],
  ['extract', [c('x=(\\d+)'), 'long', S], ['x=(\\d+)', 1, ''], ''],
  ['extract', [c('x=(\\d+)'), 'long', S], ['x=(\\d+)', null, 'x=1'], ''],
  ['extract', [c('(\\d+)'), 'long', 'dynamic'], ['(\\d+)', 1, 'id 12345'], '12345'],
  ['extract', [S, 'long', S], ['(a+', 1, 'aaa'], ''],
  ['extract_all', [c('([\\da-f]{2})'), S], ['([\\da-f]{2})', '82b8be2d'], ['82', 'b8', 'be', '2d']],
  ['extract_all', [c('(\\d+)'), S], ['(\\d+)', 'a set of numbers: 123, 567 and 789'], ['123', '567', '789']],
  ['extract_all', [c('(\\w)(\\w+)(\\w)'), S], ['(\\w)(\\w+)(\\w)', guid],
    [['8', '2b8be2', 'd'], ['d', 'fa', '7'], ['4', 'bd', '1'], ['8', 'f6', '3'], ['2', '4ad26d3144', '9']]],
  ['extract_all', [c('(\\w)(\\w+)(\\w)'), 'dynamic', S], ['(\\w)(\\w+)(\\w)', [1, 3], guid],
    [['8', 'd'], ['d', '7'], ['4', '1'], ['8', '3'], ['2', '9']]],
  ['extract_all', [c('(?P<first>\\w)(?P<middle>\\w+)(?P<last>\\w)'), 'dynamic', S],
    ['(?P<first>\\w)(?P<middle>\\w+)(?P<last>\\w)', ['first', 2, 'last'], guid],
    [['8', '2b8be2', 'd'], ['d', 'fa', '7'], ['4', 'bd', '1'], ['8', 'f6', '3'], ['2', '4ad26d3144', '9']]],
  ['extract_all', [c('(\\d+)'), S], ['(\\d+)', 'none'], null],
  ['extract_all', [c('(\\d+)'), S], ['(\\d+)', ''], null],
  ['extract_all', [c('(\\d+)'), 'dynamic', S], ['(\\d+)', [5], '12'], null],
  ['replace_regex', [S, c('is (\\w*).'), c('was: \\1')], ['Number is 1.', 'is (\\w*).', 'was: \\1'], 'Number was: 1'],
  ['replace_regex', [S, c('a'), c('')], ['banana', 'a', ''], 'bnn'],
  ['replace_regex', [S, c('(\\d+)-(\\d+)'), c('\\2-\\1')], ['10-20 and 3-4', '(\\d+)-(\\d+)', '\\2-\\1'], '20-10 and 4-3'],
  ['replace_regex', [S, c('x'), c('y')], ['', 'x', 'y'], ''],
  ['replace_regex', ['long', c('1'), c('9')], [121, '1', '9'], '929'],
  ['replace', [c('is (\\w*).'), c('was: \\1'), S], ['is (\\w*).', 'was: \\1', 'Number is 2.'], 'Number was: 2'],
  ['trim', [c('--'), S], ['--', '--https://bing.com--'], 'https://bing.com'],
  ['trim', [c('[^\\w]+'), S], ['[^\\w]+', '- Te st1//$'], 'Te st1'],
  ['trim', [c('--'), S], ['--', ''], ''],
  ['trim_start', [c('sample'), S], ['sample', 'sample text with sample'], ' text with sample'],
  ['trim_start', [c('[^\\w]+'), S], ['[^\\w]+', '-  Te st1//$'], 'Te st1//$'],
  ['trim_end', [c('bing'), S], ['bing', 'bing.com bing'], 'bing.com '],
  ['trim_end', [c('[^\\w]+'), S], ['[^\\w]+', '-  Te st1//$'], '-  Te st1'],
  ['trim_end', [c('a'), S], ['a', 'abaaa'], 'ab'],
  ['trim_start', [c(' '), 'dynamic'], [' ', '  x'], 'x'],
  ['trim_start', [c(' '), 'dynamic'], [' ', null], ''],
  ['indexof_regex', [S, c('abc')], ['abcabc', 'abc'], 0],
  ['indexof_regex', [S, c('abc'), 'long'], ['abcabc', 'abc', 1], 3],
  ['indexof_regex', [S, c('[dfx]')], ['abcabc', '[dfx]'], -1],
  ['indexof_regex', [S, c('a')], ['', 'a'], -1],
  ['indexof_regex', [S, c('a'), 'long'], ['abc', 'a', null], null],
];

describe('regex functions (RE2)', () => {
  it.each(cases)('%s(%j) of %j', (name, types, values, expected) => {
    expect(call(name, types, values)).toEqual(expected);
  });

  it('rejects wrong types and invalid constant patterns', () => {
    expect(bindError('extract', [S, S, S]).argIndex).toBe(1);
    expect(bindError('extract', [c('a'), 'long', 'long']).argIndex).toBe(2);
    expect(bindError('extract', [c('(a+'), 'long', S]).error).toMatch(/Invalid regular expression/);
    expect(bindError('trim_start', [c('a'), 'long']).argIndex).toBe(1);
    expect(bindError('replace', [S, S, S]).error).toMatch(/constant/);
    expect(bindError('extract_all', ['long', S]).argIndex).toBe(0);
  });

  it('uses RE2 syntax: no backreferences, linear time on catastrophic patterns', () => {
    expect(bindError('extract', [c('(a)\\1'), 'long', S]).error).toMatch(/Invalid/);
    const evil = 'a'.repeat(5000) + '!';
    expect(call('extract', [c('^(a+)+$'), 'long', S], ['^(a+)+$', 1, evil])).toBe('');
  });
});
