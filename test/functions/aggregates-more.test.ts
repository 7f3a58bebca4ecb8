import { describe, expect, it } from 'vitest';
import { ts } from './helpers.js';
import { type Arg, bind, run, bindFails, defaultName } from './aggregate-helpers.js';
import { runKql, KqlSemanticError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
const p = (v: number): Arg => ({ type: 'real', value: v });
const range = (n: number) => Array.from({ length: n }, (_, i) => [i + 1]);

type C = [string, Arg[], unknown[][], unknown[]];
const cases: C[] = [
  // make-bag-aggregation-function.md: bags merge; non-bag values are ignored.
  ['make_bag', ['dynamic'], [[{ prop01: 'val_a' }], [{ prop02: 'val_b' }], [{ prop03: 'val_c' }]], [{ prop01: 'val_a', prop02: 'val_b', prop03: 'val_c' }]],
  ['make_bag', ['dynamic'], [[{ a: 1 }], [null], [[1, 2]], ['text'], [{ b: 2 }]], [{ a: 1, b: 2 }]],
  ['make_bag', ['dynamic'], [], [{}]],
  ['make_bag', ['dynamic', { type: 'long', value: 1 }], [[{ a: 1, b: 2 }]], [{ a: 1 }]],
  ['make_bag_if', ['dynamic', 'bool'], [[{ a: 1 }, true], [{ b: 2 }, false], [{ c: 3 }, null]], [{ a: 1 }]],
  ['make_dictionary', ['dynamic'], [[{ a: 1 }], [{ b: 2 }]], [{ a: 1, b: 2 }]],
  // stdev-aggregation-function.md: range 1..5 -> 1.58113883008419; variance: 2.5.
  ['stdev', ['long'], range(5), [Math.sqrt(2.5)]],
  ['variance', ['long'], range(5), [2.5]],
  ['stdev', ['long'], [[1], [null], [3]], [Math.SQRT2]],
  ['stdev', ['real'], [], [null]],
  ['stdev', ['real'], [[4]], [0]],
  // population: values 2,4,4,4,5,5,7,9 -> mean 5, variance 4, stdev 2.
  ['variancep', ['long'], [[2], [4], [4], [4], [5], [5], [7], [9]], [4]],
  ['stdevp', ['long'], [[2], [4], [4], [4], [5], [5], [7], [9]], [2]],
  ['stdevif', ['long', 'bool'], [[1, true], [100, false], [3, true]], [Math.SQRT2]],
  ['varianceif', ['real', 'bool'], [[1, true], [2, null], [3, true]], [2]],
  ['varianceif', ['real', 'bool'], [[1, false]], [null]],
  // Nearest rank: 1..10, p=50 -> rank ceil(5) = 5 -> 5; p=95 -> rank ceil(9.5) = 10 -> 10; p=0 -> rank 1.
  ['percentile', ['long', p(50)], range(10).map((r) => [r[0], 50]), [5]],
  ['percentile', ['long', p(95)], range(10).map((r) => [r[0], 95]), [10]],
  ['percentile', ['long', p(0)], range(10).map((r) => [r[0], 0]), [1]],
  ['percentile', ['long', p(50)], [[3, 50], [null, 50], [1, 50], [2, 50]], [2]],
  ['percentile', ['long', p(50)], [], [null]],
  ['percentile', ['timespan', p(100)], [[ts('1h'), 100], [ts('2h'), 100]], [ts('2h')]],
  ['percentiles', ['long', p(25), p(50), p(75)], range(4).map((r) => [r[0], 25, 50, 75]), [1, 2, 3]],
  ['percentiles', ['real', p(10), p(90)], [], [null, null]],
  ['minif', ['long', 'bool'], [[5, true], [1, false], [3, true], [null, true]], [3]],
  ['maxif', ['long', 'bool'], [[5, true], [9, false], [3, true]], [5]],
  ['maxif', ['string', 'bool'], [['a', false]], ['']],
  ['minif', ['datetime', 'bool'], [], [null]],
  ['take_anyif', ['string', 'bool'], [['a', false], ['', true], ['b', true]], ['b']],
  ['take_anyif', ['long', 'bool'], [[1, false]], [null]],
  ['count_distinct', ['string'], [['a'], ['b'], ['a']], [2]],
  ['count_distinct', ['long'], [[null], [1]], [1]],
  ['count_distinct', ['long'], [], [0]],
  ['count_distinctif', ['long', 'bool'], [[1, true], [2, false], [3, true], [1, true]], [2]],
];

describe('more aggregates', () => {
  it.each(cases)('%s(%j) over %j', (name, args, rows, expected) => {
    const got = run(name, args, rows);
    expect(got.length).toBe(expected.length);
    got.forEach((g, i) => (typeof expected[i] === 'number' ? expect(g).toBeCloseTo(expected[i] as number, 12) : expect(g).toEqual(expected[i])));
  });

  it('default names and types follow the analyzer', () => {
    expect(defaultName('make_bag', [{ type: 'dynamic', col: 'Props' }])).toBe('bag_Props');
    expect(defaultName('make_bag_if', [{ type: 'dynamic', col: 'Props' }, 'bool'])).toBe('bag_Props');
    expect(defaultName('make_dictionary', [{ type: 'dynamic', col: 'Props' }])).toBe('dictionary_Props');
    expect(defaultName('percentile', [{ type: 'long', col: 'Count' }, p(50)])).toBe('percentile_Count_50');
    expect(defaultName('percentile', [{ type: 'long', col: 'L' }, p(99.9)])).toBe('percentile_L_99_9');
    expect(bind('percentiles', [{ type: 'long', col: 'L' }, p(50), p(95.5)]).outputs).toEqual([
      { name: 'percentile_L_50', type: 'long' }, { name: 'percentile_L_95_5', type: 'long' },
    ]);
    expect(bind('percentile', ['int', p(50)]).outputs[0].type).toBe('long');
    expect(bind('percentile', ['datetime', p(50)]).outputs[0].type).toBe('datetime');
    expect(defaultName('stdev', [{ type: 'real', col: 'Score' }])).toBe('stdev_Score');
    expect(bind('stdev', ['long']).outputs[0].type).toBe('real');
    expect(defaultName('take_anyif', [{ type: 'string', col: 'S' }, 'bool'])).toBe('S');
    expect(defaultName('anyif', [{ type: 'string', col: 'S' }, 'bool'])).toBe('anyif_S');
    expect(defaultName('minif', [{ type: 'long', col: 'L' }, 'bool'])).toBe('minif_L');
    expect(defaultName('count_distinct', [{ type: 'string', col: 'S' }])).toBe('count_distinct_S');
  });

  it('rejects wrong argument types', () => {
    expect(bindFails('make_bag', ['string'])).toBe(true);
    expect(bindFails('stdev', ['string'])).toBe(true);
    expect(bindFails('minif', ['dynamic', 'bool'])).toBe(true);
    expect(bindFails('minif', ['long', 'string'])).toBe(true);
    expect(bindFails('percentile', ['long', p(101)])).toBe(true);
    expect(bindFails('percentiles', ['long', 'real'])).toBe(true);
  });
});

describe('decimal arguments', () => {
  it('min, max, sum, avg and their -if forms, arg_max, stdev and percentile take decimals (types from the analyzer)', () => {
    const q = 'range x from 1 to 4 step 1 | extend b = x > 1 | summarize a = max(todecimal(x)), m = min(todecimal(x)), s = sum(todecimal(x)),'
      + ' v = avg(todecimal(x)), si = sumif(todecimal(x), b), ai = avgif(todecimal(x), b), mi = minif(todecimal(x), b), xi = maxif(todecimal(x), b),'
      + ' am = arg_max(todecimal(x), b), sd = stdev(todecimal(x)), p = percentile(todecimal(x), 50)';
    const r = runKql(q);
    const types = 'a:decimal, m:decimal, s:decimal, v:decimal, si:decimal, ai:decimal, mi:decimal, xi:decimal, am:decimal, b:bool, sd:real, p:real';
    expect(formatColumns(r.columns)).toBe(types);
    expect(formatColumns(analyzeWithOracle(q).columns)).toBe(types);
    expect(r.rows[0]).toMatchObject({ a: 4, m: 1, s: 10, v: 2.5, si: 9, ai: 3, mi: 2, xi: 4, am: 4, b: true, p: 2 });
    expect(r.rows[0].sd).toBeCloseTo(1.2909944, 6);
  });
});

describe('issue 11: arg_max/arg_min when every key of a group is null; count(predicate)', () => {
  const FRUIT = `datatable(Fruit: string, Color: string, Version: int) [
    "Apple", "Red", 1, "Apple", "Green", int(null), "Banana", "Yellow", int(null), "Banana", "Green", int(null),
    "Pear", "Brown", 1, "Pear", "Green", 2]`;
  it('the group\'s first row is returned with a null key (docs: arg-max/arg-min null handling)', () => {
    expect(runKql(`${FRUIT} | summarize arg_max(Version, *) by Fruit`).rows).toEqual([
      { Fruit: 'Apple', Version: 1, Color: 'Red' }, { Fruit: 'Banana', Version: null, Color: 'Yellow' }, { Fruit: 'Pear', Version: 2, Color: 'Green' },
    ]);
    expect(runKql(`${FRUIT} | summarize arg_min(Version, *) by Fruit`).rows).toEqual([
      { Fruit: 'Apple', Version: 1, Color: 'Red' }, { Fruit: 'Banana', Version: null, Color: 'Yellow' }, { Fruit: 'Pear', Version: 1, Color: 'Brown' },
    ]);
  });
  it('count(bool) binds as the analyzer binds it (count_ / count_<column>, long); another type does not', () => {
    const q = `${FRUIT} | summarize count(Version > 1), c = count(), countif(Version > 1)`;
    const r = runKql(q);
    expect(r.rows).toEqual([{ count_: 1, c: 6, countif_: 1 }]);
    expect(formatColumns(r.columns)).toBe(formatColumns(analyzeWithOracle(q).columns));
    expect(() => runKql(`${FRUIT} | summarize count(Version)`)).toThrow(KqlSemanticError);
  });
});
