import { describe, expect, it } from 'vitest';
import { bindError, call, dt, ts, type Case } from './helpers.js';

// Expected values from the Kusto docs (tostring/toint/tolong/toreal/tobool/todatetime/totimespan pages)
// and the rule that bad input converts to null, never throws.
const cases: Case[] = [
  ['tostring', ['int'], [123], '123'],
  ['tostring', ['int'], [null], ''],
  ['tostring', ['string'], [''], ''],
  ['tostring', ['bool'], [true], 'true'],
  ['tostring', ['dynamic'], ['abc'], 'abc'],
  ['tostring', ['dynamic'], [{ a: 1 }], '{"a":1}'],
  ['tostring', ['dynamic'], [null], ''],
  ['tostring', ['datetime'], [dt('2024-01-02T03:04:05Z')], '2024-01-02T03:04:05.0000000Z'],
  ['tostring', ['timespan'], [ts('1d')], '1.00:00:00'],
  ['toint', ['string'], ['123'], 123],
  ['toint', ['real'], [2.3], 2],
  ['toint', ['real'], [-2.7], -2],
  ['toint', ['string'], ['abc'], null],
  ['toint', ['string'], [''], null],
  ['toint', ['int'], [null], null],
  ['toint', ['long'], [2147483648], null],
  ['toint', ['bool'], [true], 1],
  ['toint', ['dynamic'], [42], 42],
  ['toint', ['dynamic'], ['7'], 7],
  ['toint', ['dynamic'], [[1]], null],
  ['tolong', ['string'], ['  -42 '], -42],
  ['tolong', ['string'], ['not a number'], null],
  ['tolong', ['real'], [Infinity], null],
  ['tolong', ['datetime'], [dt('0001-01-01T00:00:01Z')], 10_000_000],
  ['tolong', ['timespan'], [ts('1s')], 10_000_000],
  ['toreal', ['string'], ['1.5e3'], 1500],
  ['toreal', ['int'], [3], 3],
  ['toreal', ['string'], ['x'], null],
  ['toreal', ['string'], [''], null],
  ['todouble', ['string'], ['2.5'], 2.5],
  ['tobool', ['string'], ['true'], true],
  ['tobool', ['string'], ['false'], false],
  ['tobool', ['string'], ['TRUE'], true],
  ['tobool', ['int'], [1], true],
  ['tobool', ['int'], [123], true],
  ['tobool', ['int'], [0], false],
  ['tobool', ['string'], ['yes'], null],
  ['tobool', ['string'], [''], null],
  ['toboolean', ['string'], ['false'], false],
  ['todatetime', ['string'], ['2015-12-24'], Date.UTC(2015, 11, 24)],
  ['todatetime', ['string'], ['2015-12-31 23:59:59.9'], Date.UTC(2015, 11, 31, 23, 59, 59, 900)],
  ['todatetime', ['string'], ['bad'], null],
  ['todatetime', ['string'], [''], null],
  ['todatetime', ['dynamic'], ['2020-01-01T00:00:00Z'], Date.UTC(2020, 0, 1)],
  ['todatetime', ['datetime'], [null], null],
  ['totimespan', ['string'], ['0.00:01:00'], 60_000],
  ['totimespan', ['string'], ['1d'], 86_400_000],
  ['totimespan', ['string'], ['nope'], null],
  ['totimespan', ['long'], [10_000_000], 1000],
  ['totimespan', ['string'], [''], null],
  ['parse_json', ['string'], ['{"a":[1,2]}'], { a: [1, 2] }],
  ['parse_json', ['string'], ['not json'], 'not json'],
  ['parse_json', ['string'], [''], null],
  ['parse_json', ['string'], ['123'], 123],
  ['todynamic', ['string'], ['"x"'], 'x'],
  ['parse_json', ['dynamic'], [[1]], [1]],
  ['parse_json', ['dynamic'], [null], null],
];

describe('conversion functions', () => {
  it.each(cases)('%s(%j) of %j', (name, types, values, expected) => {
    expect(call(name, types, values)).toEqual(expected);
  });

  it('result types', () => {
    const types: [string, string][] = [
      ['tostring', 'string'], ['toint', 'int'], ['tolong', 'long'], ['toreal', 'real'], ['todouble', 'real'],
      ['tobool', 'bool'], ['todatetime', 'datetime'], ['totimespan', 'timespan'], ['parse_json', 'dynamic'],
    ];
    for (const [f, t] of types) expect(bindScalarType(f)).toBe(t);
  });

  it('parse_json keeps __proto__ as data, not a prototype', () => {
    const v = call('parse_json', ['string'], ['{"__proto__":{"polluted":1}}']) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(v, '__proto__')).toBe(true);
  });

  it('wrong types and counts fail binding', () => {
    expect(bindError('parse_json', ['int']).argIndex).toBe(0);
    expect(bindError('tostring', []).error).toMatch(/expects/);
    expect(bindError('toint', ['int', 'int']).error).toMatch(/expects/);
  });
});

import { bindScalar } from './helpers.js';
function bindScalarType(f: string): string {
  return bindScalar(f, [f === 'parse_json' ? 'string' : 'string']).type;
}
