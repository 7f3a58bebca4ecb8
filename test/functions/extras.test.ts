import { describe, expect, it } from 'vitest';
import { bindError, bindScalar, call, dt, ts, type Case } from './helpers.js';

// Doc examples (round, tohex, countof, indexof pages) and hand-worked cases.
const cases: Case[] = [
  ['strcat_delim', ['string', 'string', 'long'], ['-', 'a', 1], 'a-1'],
  ['strcat_delim', ['string', 'string', 'string'], [',', '', ''], ','],
  ['strcat_delim', ['string', 'string', 'long'], [',', 'a', null], 'a,'],
  ['replace_string', ['string', 'string', 'string'], ['A magic trick', 'magic', 'cool'], 'A cool trick'],
  ['replace_string', ['string', 'string', 'string'], ['aaa', '', 'b'], 'aaa'],
  ['replace_string', ['string', 'string', 'string'], ['', 'a', 'b'], ''],
  ['indexof', ['string', 'string'], ['abcdefg', 'cde'], 2],
  ['indexof', ['string', 'string', 'long'], ['abcdefg', 'cde', 1], 2],
  ['indexof', ['string', 'string', 'long'], ['abcdefg', 'cde', -5], 2],
  ['indexof', ['string', 'string', 'long', 'long', 'long'], ['abcdefgabcdefg', 'cde', 1, -1, 3], -1],
  ['indexof', ['string', 'string', 'long', 'long', 'long'], ['abcdefgabcdefg', 'cde', 1, -1, 2], 9],
  ['indexof', ['string', 'string'], ['', 'a'], -1],
  ['indexof', ['string', 'string', 'long'], ['abc', 'a', null], null],
  ['pack_array', ['long', 'string', 'datetime'], [1, 'a', dt('2020-01-01')], [1, 'a', '2020-01-01T00:00:00.0000000Z']],
  ['pack_array', ['long'], [null], [null]],
  ['bag_pack', ['string', 'long', 'string', 'string'], ['a', 1, 'b', 'x'], { a: 1, b: 'x' }],
  ['pack', ['string', 'long'], ['a', null], { a: null }],
  ['array_concat', ['dynamic', 'dynamic'], [[1, 2], [3]], [1, 2, 3]],
  ['array_concat', ['dynamic', 'dynamic'], [[], []], []],
  ['array_concat', ['dynamic', 'dynamic'], [[1], 'x'], null],
  ['round', ['real', 'long'], [2.98765, 3], 2.988],
  ['round', ['real', 'long'], [2.15, 1], 2.2],
  ['round', ['real'], [2.15], 2],
  ['round', ['real', 'long'], [-50.55, -2], -100],
  ['round', ['real', 'long'], [21.5, -1], 20],
  ['round', ['real'], [null], null],
  ['round', ['long'], [7], 7],
  ['abs', ['long'], [-5], 5],
  ['abs', ['real'], [null], null],
  ['abs', ['timespan'], [-ts('1h')], ts('1h')],
  ['tohex', ['long'], [256], '100'],
  ['tohex', ['long'], [-256], 'ffffffffffffff00'],
  ['tohex', ['long', 'long'], [256, 8], '00000100'],
  ['tohex', ['long'], [null], ''],
  ['startofweek', ['datetime'], [dt('2017-01-01 10:10:17')], dt('2017-01-01')], // a Sunday
  ['startofweek', ['datetime'], [dt('2024-05-01 10:00')], dt('2024-04-28')],
  ['startofweek', ['datetime', 'long'], [dt('2017-01-01 10:10:17'), 1], dt('2017-01-08')],
  ['startofmonth', ['datetime'], [dt('2017-01-31 10:10:17')], dt('2017-01-01')],
  ['startofmonth', ['datetime', 'long'], [dt('2017-01-31'), -1], dt('2016-12-01')],
  ['startofyear', ['datetime', 'long'], [dt('2017-06-01'), 1], dt('2018-01-01')],
  ['endofday', ['datetime'], [null], null],
  ['dayofweek', ['datetime'], [dt('2015-12-14')], ts('1d')], // a Monday
  ['dayofweek', ['datetime'], [dt('2024-04-28 23:00')], 0],
  ['hourofday', ['datetime'], [dt('2015-12-14 18:54')], 18],
  ['hourofday', ['datetime'], [null], null],
  ['isnan', ['real'], [NaN], true],
  ['isnan', ['real'], [1], false],
  ['isnan', ['real'], [null], null],
  ['array_index_of', ['dynamic', 'string'], [['a', 'b', 'c'], 'b'], 1],
  ['array_index_of', ['dynamic', 'long'], [[1, 2], 3], -1],
  ['array_index_of', ['dynamic', 'long'], [[], 3], -1],
  ['array_index_of', ['dynamic', 'long'], ['x', 3], null],
  ['set_union', ['dynamic', 'dynamic'], [[1, 2, 2], [2, 3]], [1, 2, 3]],
  ['set_intersect', ['dynamic', 'dynamic'], [[1, 2, 3], [3, 2, 9]], [2, 3]],
  ['set_difference', ['dynamic', 'dynamic'], [[1, 2, 3], [2]], [1, 3]],
  ['set_union', ['dynamic', 'dynamic'], [[], []], []],
  ['set_union', ['dynamic', 'dynamic'], [null, [1]], null],
  ['bag_keys', ['dynamic'], [{ a: 1, b: { c: 2 } }], ['a', 'b']],
  ['bag_keys', ['dynamic'], [{}], []],
  ['bag_keys', ['dynamic'], [[1]], null],
  ['countof', ['string', 'string'], ['aaa', 'a'], 3],
  ['countof', ['string', 'string'], ['aaaa', 'aa'], 3],
  ['countof', ['string', 'string', ['string', 'normal']], ['ababa', 'ab', 'normal'], 2],
  ['countof', ['string', 'string'], ['ababa', 'aba'], 2],
  ['countof', ['string', 'string'], ['', 'a'], 0],
  ['countof', ['string', 'string', ['string', 'regex']], ['ababa', 'aba', 'regex'], 1],
  ['countof', ['string', 'string', ['string', 'regex']], ['abcabc', 'a.c', 'regex'], 2],
  ['countof', ['string', 'string', ['string', 'regex']], ['abc', 'x*', 'regex'], 4],
  ['strcat_array', ['dynamic', 'string'], [[1, 'b', null], ','], '1,b,'],
  ['strcat_array', ['dynamic', 'string'], [[], ','], ''],
  ['gettype', ['string'], ['a'], 'string'],
  ['gettype', ['long'], [111], 'long'],
  ['gettype', ['dynamic'], [1], 'int'],
  ['gettype', ['dynamic'], [{ abc: 1 }], 'dictionary'],
  ['gettype', ['dynamic'], [[1, 2, 3]], 'array'],
  ['gettype', ['dynamic'], [null], 'null'],
  ['max_of', ['long', 'long', 'long'], [10, 1, 100], 100],
  ['max_of', ['long', 'long'], [null, 3], 3],
  ['min_of', ['long', 'real'], [1, 0.5], 0.5],
  ['min_of', ['datetime', 'datetime'], [null, null], null],
];

describe('more scalar functions', () => {
  it.each(cases)('%s(%j) of %j', (name, types, values, expected) => {
    expect(call(name, types, values)).toEqual(expected);
  });

  it('endofday is the last tick of the day, exactly', () => {
    const v = call('endofday', ['datetime'], [dt('2017-01-01 10:10:17')]);
    // One tick (100 ns) before midnight: a bigint of ticks since 1970 (src/runtime/ticks.ts).
    expect(v).toBe(dt('2017-01-01 23:59:59.9999999'));
    expect(v).toBe(BigInt(Date.UTC(2017, 0, 2)) * 10000n - 1n);
  });

  it('bag_pack stores __proto__ as a key, never as the prototype', () => {
    const bag = call('bag_pack', ['string', 'dynamic'], ['__proto__', { polluted: 1 }]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(bag)).toBe(Object.prototype);
    expect(Object.keys(bag)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('types', () => {
    expect(bindScalar('round', ['int']).type).toBe('int');
    expect(bindScalar('abs', ['int']).type).toBe('long');
    expect(bindScalar('max_of', ['int', 'long']).type).toBe('long');
    expect(bindScalar('dayofweek', ['datetime']).type).toBe('timespan');
  });

  it('wrong types fail binding', () => {
    expect(bindError('bag_pack', ['long', 'long']).argIndex).toBe(0);
    expect(bindError('bag_pack', ['string']).error).toMatch(/even/);
    expect(bindError('array_concat', ['string']).argIndex).toBe(0);
    expect(bindError('round', ['string']).argIndex).toBe(0);
    expect(bindError('tohex', ['real']).argIndex).toBe(0);
    expect(bindError('startofweek', ['string']).argIndex).toBe(0);
    expect(bindError('isnan', ['string']).argIndex).toBe(0);
    expect(bindError('max_of', ['long', 'string']).argIndex).toBe(1);
    expect(bindError('countof', ['string', 'string', ['string', 'wildcard']]).argIndex).toBe(2);
    expect(bindError('countof', ['string', ['string', '(unclosed'], ['string', 'regex']])).toMatchObject({ argIndex: 1, code: 'SEM_INVALID_ARGUMENT' });
    expect(bindError('set_union', ['dynamic', 'string']).argIndex).toBe(1);
    expect(bindError('bag_keys', ['string']).argIndex).toBe(0);
    expect(bindError('strcat_array', ['string', 'string']).argIndex).toBe(0);
    expect(bindError('replace_string', ['string', 'long', 'string']).argIndex).toBe(1);
  });
});
