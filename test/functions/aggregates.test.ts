import { describe, expect, it } from 'vitest';
import { ts } from './helpers.js';
import { type Arg, bind, run, defaultName, info } from './aggregate-helpers.js';
import type { KqlType } from '../../src/runtime/types.js';
import { lookupAggregateFunction } from '../../src/functions/aggregate-registry.js';
import { isBindFailure } from '../../src/functions/registry-types.js';

type C = [string, Arg[], unknown[][], unknown[]];
// Aggregates skip nulls (null-values.md); make_set flattens array inputs (make-set-aggregation-function.md).
const cases: C[] = [
  ['count', [], [[], [], []], [3]],
  ['count', [], [], [0]],
  ['countif', ['bool'], [[true], [false], [null], [true]], [2]],
  ['countif', ['bool'], [], [0]],
  ['dcount', ['string'], [['a'], ['b'], ['a'], ['']], [3]],
  ['dcount', ['long'], [[1], [null], [1]], [1]],
  ['dcount', ['dynamic'], [[{ a: 1 }], [{ a: 1 }], [[1]]], [2]],
  ['dcount', ['long'], [], [0]],
  ['dcountif', ['long', 'bool'], [[1, true], [2, false], [3, true], [3, true]], [2]],
  ['sum', ['long'], [[1], [2], [null], [4]], [7]],
  ['sum', ['real'], [[1.5], [2.5]], [4]],
  ['sum', ['timespan'], [[ts('1h')], [ts('30m')]], [(ts('1h') as number) + (ts('30m') as number)]],
  ['sum', ['long'], [], [null]],
  ['sumif', ['long', 'bool'], [[1, true], [2, false], [4, null]], [1]],
  ['avg', ['long'], [[1], [2], [null], [6]], [3]],
  ['avg', ['long'], [[null]], [null]],
  ['avg', ['timespan'], [[ts('1h')], [ts('3h')]], [ts('2h')]],
  ['avgif', ['real', 'bool'], [[1, true], [100, false], [3, true]], [2]],
  ['min', ['long'], [[5], [null], [2], [9]], [2]],
  ['min', ['string'], [['b'], [''], ['a']], ['a']],
  ['min', ['string'], [], ['']],
  ['min', ['long'], [], [null]],
  ['max', ['datetime'], [[10], [30], [null], [20]], [30]],
  ['max', ['bool'], [[false], [true]], [true]],
  ['make_set', ['long'], [[1], [5], [null], [1], [7], [5]], [[1, 5, 7]]],
  ['make_set', ['dynamic'], [[['A1', 'A2', 'A3']], [['A2', 'C1']], [['C2', 'A3']], [['C2', 'A1']]], [['A1', 'A2', 'A3', 'C1', 'C2']]],
  ['make_set', ['dynamic'], [[{ a: 1 }], [{ a: 1 }], [null]], [[{ a: 1 }]]],
  ['make_set', ['long', { type: 'long', value: 2 }], [[1, 2], [2, 2], [3, 2]], [[1, 2]]],
  ['make_set', ['string'], [], [[]]],
  ['make_set', ['datetime'], [[Date.UTC(2020, 0, 1)]], [['2020-01-01T00:00:00.0000000Z']]],
  ['make_set_if', ['string', 'bool'], [['a', true], ['b', false], ['a', true]], [['a']]],
  ['make_list', ['long'], [[1], [null], [1], [2]], [[1, 1, 2]]],
  ['make_list', ['dynamic'], [[[1, 2]], [[3]]], [[[1, 2], [3]]]],
  ['make_list', ['long'], [], [[]]],
  ['make_list_if', ['long', 'bool'], [[1, true], [2, false]], [[1]]],
  ['any', ['string'], [[''], ['x'], ['y']], ['x']],
  ['any', ['long', 'string'], [[null, 'a'], [2, 'b']], [2, 'b']],
  ['any', ['long'], [], [null]],
  ['take_any', ['long'], [[null], [null]], [null]],
  ['arg_max', ['long', 'string'], [[1, 'a'], [3, 'b'], [null, 'c'], [3, 'd'], [2, 'e']], [3, 'b']],
  ['arg_min', ['datetime', 'string'], [[20, 'a'], [10, 'b'], [null, 'c']], [10, 'b']],
  ['arg_max', ['long', 'string'], [], [null, '']],
];

describe('aggregates', () => {
  it.each(cases)('%s(%j) over %j', (name, args, rows, expected) => {
    expect(run(name, args, rows)).toEqual(expected);
  });

  it('default names follow the official analyzer', () => {
    const col = (type: KqlType, c: string) => ({ type, col: c });
    expect(defaultName('count', [])).toBe('count_');
    expect(defaultName('countif', ['bool'])).toBe('countif_');
    expect(defaultName('countif', [col('bool', 'b')])).toBe('countif_b');
    expect(defaultName('dcount', [col('string', 's')])).toBe('dcount_s');
    expect(defaultName('sum', [col('long', 'x')])).toBe('sum_x');
    expect(defaultName('sum', ['long'])).toBe('sum_');
    expect(defaultName('avg', [col('long', 'x')])).toBe('avg_x');
    expect(defaultName('min', [col('long', 'x')])).toBe('min_x');
    expect(defaultName('max', [col('long', 'x')])).toBe('max_x');
    expect(defaultName('make_set', [col('string', 'x')])).toBe('set_x');
    expect(defaultName('makeset', [col('string', 'x')])).toBe('set_x');
    expect(defaultName('make_list', [col('string', 'x')])).toBe('list_x');
    expect(defaultName('make_set_if', [col('string', 'x'), 'bool'])).toBe('set_x');
    expect(defaultName('dcountif', [col('string', 'x'), 'bool'])).toBe('dcountif_x');
    expect(defaultName('any', [col('string', 'x')])).toBe('any_x');
    expect(defaultName('take_any', [col('string', 'x')])).toBe('x');
    expect(defaultName('take_any', ['long'])).toBe('any_arg0');
  });

  it('output types', () => {
    expect(bind('count', []).outputs).toEqual([{ type: 'long' }]);
    expect(bind('sum', ['int']).outputs[0].type).toBe('long');
    expect(bind('sum', ['real']).outputs[0].type).toBe('real');
    expect(bind('avg', ['int']).outputs[0].type).toBe('real');
    expect(bind('min', ['datetime']).outputs[0].type).toBe('datetime');
    expect(bind('make_set', ['string']).outputs[0].type).toBe('dynamic');
    expect(bind('any', ['guid']).outputs[0].type).toBe('guid');
    expect(bind('arg_max', [{ type: 'datetime', col: 'T' }, { type: 'string', col: 'a' }, { type: 'long', col: 'b' }]).outputs)
      .toEqual([{ name: 'T', type: 'datetime' }, { name: 'a', type: 'string' }, { name: 'b', type: 'long' }]);
    expect(bind('arg_min', ['long', { type: 'string', col: 's' }]).outputs[0].name).toBe('min_');
    expect(bind('any', [{ type: 'string', col: 's' }, { type: 'long', col: 'i' }]).outputs.map((o) => o.name)).toEqual(['any_s', 'any_i']);
  });

  it('wrong types fail binding', () => {
    const fails = (name: string, args: Arg[]) => {
      const r = lookupAggregateFunction(name)!.bind(args.map(info));
      return isBindFailure(r) ? r.argIndex ?? -1 : undefined;
    };
    expect(fails('count', ['long'])).toBe(0); // the analyzer: count takes an optional bool (KS107 'A value of type bool expected')
    expect(fails('countif', ['long'])).toBe(0);
    expect(fails('sum', ['string'])).toBe(0);
    expect(fails('sum', ['dynamic'])).toBe(0);
    expect(fails('avg', ['string'])).toBe(0);
    expect(fails('min', ['dynamic'])).toBe(0);
    expect(fails('max', ['guid'])).toBe(0);
    expect(fails('make_set', ['string', 'long'])).toBe(1); // maxSize must be a constant
    expect(fails('arg_max', ['dynamic', 'string'])).toBe(0);
    expect(fails('sumif', ['long', 'long'])).toBe(1);
  });
});
