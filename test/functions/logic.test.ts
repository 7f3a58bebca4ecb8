import { describe, expect, it } from 'vitest';
import { bindError, bindScalar, call, type Case } from './helpers.js';

// null-values.md: isnull("") is false, isempty("") is true; not(null) is null.
const cases: Case[] = [
  ['isempty', ['string'], [''], true],
  ['isempty', ['string'], ['a'], false],
  ['isempty', ['int'], [null], true],
  ['isempty', ['int'], [0], false],
  ['isempty', ['dynamic'], [null], true],
  ['isnotempty', ['string'], [''], false],
  ['isnotempty', ['string'], ['x'], true],
  ['isnotempty', ['long'], [null], false],
  ['isnull', ['string'], [''], false],
  ['isnull', ['int'], [null], true],
  ['isnull', ['datetime'], [0], false],
  ['isnull', ['dynamic'], [null], true],
  ['isnotnull', ['int'], [null], false],
  ['isnotnull', ['int'], [1], true],
  ['isnotnull', ['string'], [''], true],
  ['not', ['bool'], [true], false],
  ['not', ['bool'], [false], true],
  ['not', ['bool'], [null], null],
  ['iff', ['bool', 'string', 'string'], [true, 'a', 'b'], 'a'],
  ['iff', ['bool', 'string', 'string'], [false, 'a', 'b'], 'b'],
  ['iff', ['bool', 'string', 'string'], [null, 'a', 'b'], 'b'],
  ['iff', ['bool', 'int', 'real'], [true, 1, 2.5], 1],
  ['iff', ['bool', 'dynamic', 'string'], [true, 'x', ''], 'x'],
  ['iff', ['bool', 'string', 'int'], [false, 'x', 5], 5],
  ['iif', ['bool', 'long', 'long'], [true, null, 1], null],
  ['case', ['bool', 'string', 'bool', 'string', 'string'], [false, 'a', true, 'b', 'c'], 'b'],
  ['case', ['bool', 'string', 'bool', 'string', 'string'], [false, 'a', null, 'b', 'c'], 'c'],
  ['case', ['bool', 'long', 'real'], [true, 1, 2.5], 1],
  ['coalesce', ['long', 'long', 'long'], [null, 42, 33], 42],
  ['coalesce', ['string', 'string'], ['', 'b'], 'b'],
  ['coalesce', ['string', 'string'], ['', ''], ''],
  ['coalesce', ['int', 'long'], [null, null], null],
  ['coalesce', ['dynamic', 'dynamic'], [null, [1]], [1]],
];

describe('logical and null functions', () => {
  it.each(cases)('%s(%j) of %j', (name, types, values, expected) => {
    expect(call(name, types, values)).toEqual(expected);
  });

  it('iff/case unify the branch types like the official analyzer', () => {
    expect(bindScalar('iff', ['bool', 'int', 'long']).type).toBe('long');
    expect(bindScalar('iff', ['bool', 'int', 'real']).type).toBe('real');
    expect(bindScalar('iff', ['bool', 'dynamic', 'string']).type).toBe('string');
    expect(bindScalar('iff', ['bool', 'long', 'dynamic']).type).toBe('long');
    expect(bindScalar('iff', ['bool', 'string', 'int']).type).toBe('dynamic');
    expect(bindScalar('iff', ['bool', 'datetime', 'timespan']).type).toBe('dynamic');
    expect(bindScalar('case', ['bool', 'long', 'bool', 'real', 'long']).type).toBe('real');
    expect(bindScalar('coalesce', ['int', 'long']).type).toBe('long');
  });

  it('iff to dynamic converts each branch to dynamic', () => {
    expect(call('iff', ['bool', 'string', 'datetime'], [false, 'x', Date.UTC(2020, 0, 1)])).toBe('2020-01-01T00:00:00.0000000Z');
  });

  it('wrong types fail binding', () => {
    expect(bindError('iff', ['int', 'long', 'long']).argIndex).toBe(0);
    expect(bindError('iff', ['bool', 'long']).error).toMatch(/3 arguments/);
    expect(bindError('case', ['bool', 'long']).error).toMatch(/odd/);
    expect(bindError('case', ['string', 'long', 'long']).argIndex).toBe(0);
    expect(bindError('coalesce', ['int', 'string']).argIndex).toBe(1);
    expect(bindError('coalesce', ['string']).error).toMatch(/between 2/);
    expect(bindError('not', ['int']).argIndex).toBe(0);
    expect(bindError('isnull', []).error).toMatch(/expects/);
  });
});
