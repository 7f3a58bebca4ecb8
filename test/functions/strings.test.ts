import { describe, expect, it } from 'vitest';
import { bindError, call, type Case } from './helpers.js';

// Expected values worked out from the Kusto docs (substring-function.md, split-function.md, strcat, strlen).
const cases: Case[] = [
  ['strcat', ['string', 'string'], ['a', 'b'], 'ab'],
  ['strcat', ['string', 'int', 'dynamic'], ['x', 1, 'y'], 'x1y'],
  ['strcat', ['string', 'int'], ['x', null], 'x'],
  ['strcat', ['string'], [''], ''],
  ['strcat', ['bool', 'real'], [true, 1.5], 'true1.5'],
  ['strlen', ['string'], ['hello'], 5],
  ['strlen', ['string'], [''], 0],
  ['strlen', ['dynamic'], ['abc'], 3],
  ['strlen', ['dynamic'], [null], 0],
  ['strlen', ['string'], ['⒦⒰⒮⒯⒪'], 5],
  ['tolower', ['string'], ['Hello'], 'hello'],
  ['tolower', ['string'], [''], ''],
  ['tolower', ['dynamic'], ['ABC'], 'abc'],
  ['tolower', ['dynamic'], [null], ''],
  ['toupper', ['string'], ['Hello'], 'HELLO'],
  ['toupper', ['int'], [null], ''],
  ['substring', ['string', 'long'], ['123456', 1], '23456'],
  ['substring', ['string', 'long', 'long'], ['123456', 2, 2], '34'],
  ['substring', ['string', 'long', 'long'], ['ABCD', 0, 2], 'AB'],
  ['substring', ['string', 'long', 'long'], ['123456', -2, 2], '56'],
  ['substring', ['string', 'long'], ['abc', 10], ''],
  ['substring', ['string', 'long', 'long'], ['abc', 1, 100], 'bc'],
  ['substring', ['string', 'long', 'long'], ['abc', -10, 2], 'ab'],
  ['substring', ['string', 'long'], ['', 0], ''],
  ['substring', ['string', 'long'], ['abc', null], ''],
  ['substring', ['dynamic', 'int', 'int'], ['hello', 1, 3], 'ell'],
  ['split', ['string', 'string'], ['aa_bb', '_'], ['aa', 'bb']],
  ['split', ['string', 'string', 'long'], ['aaa_bbb_ccc', '_', 1], ['bbb']],
  ['split', ['string', 'string'], ['', '_'], ['']],
  ['split', ['string', 'string'], ['a__b', '_'], ['a', '', 'b']],
  ['split', ['string', 'string'], ['aabbcc', 'bb'], ['aa', 'cc']],
  ['split', ['string', 'string', 'long'], ['a_b', '_', 5], []],
  ['split', ['dynamic', 'string'], ['x,y', ','], ['x', 'y']],
  ['split', ['dynamic', 'string'], [null, ','], ['']],
  ['split', ['string', 'string', 'long'], ['a_b', '_', null], null],
  ['array_length', ['dynamic'], [[1, 2, 3]], 3],
  ['array_length', ['dynamic'], [[]], 0],
  ['array_length', ['dynamic'], [null], null],
  ['array_length', ['dynamic'], ['abc'], null],
  ['array_length', ['dynamic'], [{ a: 1 }], null],
];

describe('string functions', () => {
  it.each(cases)('%s(%j) of %j', (name, types, values, expected) => {
    expect(call(name, types, values)).toEqual(expected);
  });

  it('wrong types fail binding at the argument', () => {
    expect(bindError('strlen', ['int']).argIndex).toBe(0);
    expect(bindError('substring', ['string', 'real']).argIndex).toBe(1);
    expect(bindError('split', ['string', 'int']).argIndex).toBe(1);
    expect(bindError('array_length', ['string']).argIndex).toBe(0);
    expect(bindError('strcat', []).error).toMatch(/expects/);
  });
});
