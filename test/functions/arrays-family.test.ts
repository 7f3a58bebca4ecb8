import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { KqlSemanticError } from '../../src/errors/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { bindError, call, type Case } from './helpers.js';

const Dy = 'dynamic' as const;
const L = 'long' as const;
const S = 'string' as const;

/** The single row of a query. */
const row = (q: string) => runKql(q).rows[0];

describe('array functions: the docs examples', () => {
  it('array_sum (array-sum-function.md), with its type from the analyzer', () => {
    const q = 'print arr=dynamic([1,2,3,4]) | extend arr_sum=array_sum(arr)';
    expect(row(q)).toEqual({ arr: [1, 2, 3, 4], arr_sum: 10 });
    expect(formatColumns(runKql(q).columns)).toBe(formatColumns(analyzeWithOracle(q).columns));
    expect(row('print s = array_sum(dynamic([1.5, 2, -0.5]))')).toEqual({ s: 3 });
    expect(row('print s = array_sum(dynamic([]))')).toEqual({ s: 0 });
    expect(row('print s = array_sum(dynamic([1, "2"]))')).toEqual({ s: null });
    expect(row('print s = array_sum(dynamic([1, null]))')).toEqual({ s: null });
    expect(row('print s = array_sum(dynamic({"a": 1}))')).toEqual({ s: null });
    expect(() => runKql('print s = array_sum("1,2")')).toThrow(KqlSemanticError);
  });

  it('array_reverse (array-reverse-function.md)', () => {
    expect(row('print arr=dynamic(["this", "is", "an", "example"]) | project Result=array_reverse(arr)'))
      .toEqual({ Result: ['example', 'an', 'is', 'this'] });
  });

  it('array_rotate_left / array_rotate_right (array-rotate-*-function.md)', () => {
    const q = (f: string, n: number) => row(`print arr=dynamic([1,2,3,4,5]) | extend arr_rotated=${f}(arr, ${n})`);
    expect(q('array_rotate_left', 2)).toEqual({ arr: [1, 2, 3, 4, 5], arr_rotated: [3, 4, 5, 1, 2] });
    expect(q('array_rotate_left', -2)).toEqual({ arr: [1, 2, 3, 4, 5], arr_rotated: [4, 5, 1, 2, 3] });
    expect(q('array_rotate_right', 2)).toEqual({ arr: [1, 2, 3, 4, 5], arr_rotated: [4, 5, 1, 2, 3] });
    expect(q('array_rotate_right', -2)).toEqual({ arr: [1, 2, 3, 4, 5], arr_rotated: [3, 4, 5, 1, 2] });
  });

  it('array_shift_left / array_shift_right (array-shift-*-function.md)', () => {
    const q = (call: string) => row(`print arr=dynamic([1,2,3,4,5]) | extend arr_shift=${call}`).arr_shift;
    expect(q('array_shift_left(arr, 2)')).toEqual([3, 4, 5, null, null]);
    expect(q('array_shift_left(arr, 2, -1)')).toEqual([3, 4, 5, -1, -1]);
    expect(q('array_shift_left(arr, -2, -1)')).toEqual([-1, -1, 1, 2, 3]);
    expect(q('array_shift_right(arr, 2)')).toEqual([null, null, 1, 2, 3]);
    expect(q('array_shift_right(arr, 2, -1)')).toEqual([-1, -1, 1, 2, 3]);
    expect(q('array_shift_right(arr, -2, -1)')).toEqual([3, 4, 5, -1, -1]);
  });

  it('array_split (array-split-function.md)', () => {
    expect(row('print arr=dynamic([1,2,3,4,5]) | extend arr_split=array_split(arr, 2)'))
      .toEqual({ arr: [1, 2, 3, 4, 5], arr_split: [[1, 2], [3, 4, 5]] });
    expect(row('print arr=dynamic([1,2,3,4,5]) | extend arr_split=array_split(arr, dynamic([1,3]))'))
      .toEqual({ arr: [1, 2, 3, 4, 5], arr_split: [[1], [2, 3], [4, 5]] });
  });

  it('array_iff (array-iff-function.md)', () => {
    expect(row('print condition=dynamic([true,false,true]), if_true=dynamic([1,2,3]), if_false=dynamic([4,5,6]) | extend res= array_iff(condition, if_true, if_false)').res)
      .toEqual([1, 5, 3]);
    expect(row('print condition=dynamic([1,0,50]), if_true="yes", if_false="no" | extend res= array_iff(condition, if_true, if_false)').res)
      .toEqual(['yes', 'no', 'yes']);
    // The docs write datetime("01-01-2022") inside dynamic(...), which Kusto stores as the date's text; the parser
    // here reads neither that form nor keeps a datetime as text inside a dynamic literal, so the text is written.
    expect(row('print condition=dynamic(["some string value", "2022-01-01T00:00:00.0000000Z", null]), if_true=1, if_false=0 | extend res= array_iff(condition, if_true, if_false)').res)
      .toEqual([null, null, null]);
    expect(row('print condition=dynamic([true,true,true]), if_true=dynamic([1,2]), if_false=dynamic([3,4]) | extend res= array_iff(condition, if_true, if_false)').res)
      .toEqual([1, 2, null]);
    // array_iif is the same function.
    expect(row('print r = array_iif(dynamic([false, true]), 1, 2)').r).toEqual([2, 1]);
  });

  it('jaccard_index (jaccard-index-function.md)', () => {
    expect(row('print set1=dynamic([1,2,3]), set2=dynamic([1,2,3,4]) | extend jaccard=jaccard_index(set1, set2)').jaccard).toBe(0.75);
  });
});

describe('array_sort_asc / array_sort_desc with several arrays (array-sort-*-function.md)', () => {
  it('example 1: sorting two arrays gives one column per array, the others reordered like the first', () => {
    const asc = 'let array1 = dynamic([1,3,4,5,2]);\nlet array2 = dynamic(["a","b","c","d","e"]);\nprint array_sort_asc(array1,array2)';
    expect(runKql(asc).rows).toEqual([{ array1_sorted: [1, 2, 3, 4, 5], array2_sorted: ['a', 'e', 'b', 'c', 'd'] }]);
    expect(formatColumns(runKql(asc).columns)).toBe(formatColumns(analyzeWithOracle(asc).columns));
    const desc = asc.replace('array_sort_asc', 'array_sort_desc');
    expect(runKql(desc).rows).toEqual([{ array1_sorted: [5, 4, 3, 2, 1], array2_sorted: ['d', 'c', 'b', 'e', 'a'] }]);
    // The docs' note: (out1, out2) = ... names them.
    expect(runKql(asc.replace('print array_sort_asc', 'print (out1, out2) = array_sort_asc')).rows)
      .toEqual([{ out1: [1, 2, 3, 4, 5], out2: ['a', 'e', 'b', 'c', 'd'] }]);
  });

  it('example 2: sorting substrings', () => {
    expect(row('let Names = "John,Paul,George,Ringo";\nlet SortedNames = strcat_array(array_sort_asc(split(Names, ",")), ",");\nprint result = SortedNames'))
      .toEqual({ result: 'George,John,Paul,Ringo' });
    // array-sort-desc-function.md splits "John, Paul, George, Ringo" and shows "Ringo, Paul, John, George", which no
    // ordering of the pieces (" Paul", "John", ...) joined by "," produces; its intent, on the asc page's input:
    expect(row('let Names = "John,Paul,George,Ringo";\nlet SortedNames = strcat_array(array_sort_desc(split(Names, ",")), ",");\nprint result = SortedNames'))
      .toEqual({ result: 'Ringo,Paul,John,George' });
  });

  it('example 3: [1] picks the second sorted array', () => {
    const q = (f: string) => `datatable(command:string, command_time:datetime, user_id:string)
[
    'chmod',   datetime(2019-07-15),   "user1",
    'ls',      datetime(2019-07-02),   "user1",
    'dir',     datetime(2019-07-22),   "user1",
    'mkdir',   datetime(2019-07-14),   "user1",
    'rm',      datetime(2019-07-27),   "user1",
    'pwd',     datetime(2019-07-25),   "user1",
    'rm',      datetime(2019-07-23),   "user2",
    'pwd',     datetime(2019-07-25),   "user2",
]
| summarize timestamps = make_list(command_time), commands = make_list(command) by user_id
| project user_id, commands_in_chronological_order = ${f}(timestamps, commands)[1]`;
    expect(runKql(q('array_sort_asc')).rows).toEqual([
      { user_id: 'user1', commands_in_chronological_order: ['ls', 'mkdir', 'chmod', 'dir', 'pwd', 'rm'] },
      { user_id: 'user2', commands_in_chronological_order: ['rm', 'pwd'] },
    ]);
    expect(runKql(q('array_sort_desc')).rows).toEqual([
      { user_id: 'user1', commands_in_chronological_order: ['rm', 'pwd', 'dir', 'chmod', 'mkdir', 'ls'] },
      { user_id: 'user2', commands_in_chronological_order: ['pwd', 'rm'] },
    ]);
  });

  it('example 4: where the nulls go', () => {
    expect(runKql('print array_sort_asc(dynamic([null,"blue","yellow","green",null]))').rows[0].print_0)
      .toEqual(['blue', 'green', 'yellow', null, null]);
    expect(runKql('print array_sort_asc(dynamic([null,"blue","yellow","green",null]), false)').rows[0].print_0)
      .toEqual([null, null, 'blue', 'green', 'yellow']);
    expect(runKql('print array_sort_desc(dynamic([null,"blue","yellow","green",null]))').rows[0].print_0)
      .toEqual(['yellow', 'green', 'blue', null, null]);
    expect(runKql('print array_sort_desc(dynamic([null,"blue","yellow","green",null]), false)').rows[0].print_0)
      .toEqual([null, null, 'yellow', 'green', 'blue']);
  });

  it('an extra array of another length (or not an array) is null; the first not an array makes all null', () => {
    expect(row('print a = dynamic([3, 1, 2]), b = dynamic(["x", "y"]), c = dynamic([true, false, null]) | project array_sort_desc(a, b, c, false)'))
      .toEqual({ a_sorted: [3, 2, 1], b_sorted: null, c_sorted: [true, null, false] });
    expect(row('print a = dynamic({"k": 1}), b = dynamic([1]) | project array_sort_asc(a, b)')).toEqual({ a_sorted: null, b_sorted: null });
    expect(row('print a = dynamic([2, 1]), b = dynamic(null) | project array_sort_asc(a, b)')).toEqual({ a_sorted: [1, 2], b_sorted: null });
  });

  it('column names follow the analyzer (argument names, array<i> without one, clashes numbered)', () => {
    for (const q of [
      'print array_sort_asc(dynamic([1]), dynamic([2]))',
      'print x=dynamic([1]), y=dynamic([2]) | extend array_sort_asc(x, y), (a, b) = array_sort_desc(x,y)',
      'print x=dynamic([1]), y=dynamic([2]) | extend s = array_sort_asc(x, y)',
      'print x=dynamic([1]), y=dynamic([2]) | extend (s, t) = array_sort_asc(x, y)',
      'print x=dynamic([1]), y=dynamic([2]) | extend array_sort_asc(x)',
      'print x=dynamic([1]), y=dynamic([2]) | extend array_sort_asc(x, y, x)',
      'print x=dynamic([1]), y=dynamic([2]) | extend array_sort_asc(x, pack_array(1,2))',
      'print x=dynamic([1]), y=dynamic([2]) | project array_sort_desc(x, y, true)',
    ]) {
      expect(formatColumns(runKql(q).columns), q).toBe(formatColumns(analyzeWithOracle(q).columns));
    }
  });

  it('arguments other than dynamic arrays (and a last bool) fail to bind', () => {
    for (const q of ['print x=dynamic([1]) | extend array_sort_asc(x, 1)', 'print array_sort_desc(1)', 'print array_sort_asc(dynamic([1]), "a", true)']) {
      expect(() => runKql(q), q).toThrow(KqlSemanticError);
      expect(analyzeWithOracle(q).errors.length, q).toBeGreaterThan(0);
    }
  });
});

// Worked by hand from the docs' definitions (set_equals has no docs page).
const cases: Case[] = [
  ['array_reverse', [Dy], [[]], []],
  ['array_reverse', [Dy], [[1, [2, 3], { a: 4 }]], [{ a: 4 }, [2, 3], 1]],
  ['array_reverse', [Dy], [{ a: 1 }], null],
  ['array_reverse', [Dy], [null], null],
  ['array_rotate_left', [Dy, L], [[1, 2, 3], 7], [2, 3, 1]],
  ['array_rotate_left', [Dy, L], [[1, 2, 3], -7], [3, 1, 2]],
  ['array_rotate_left', [Dy, L], [[], 3], []],
  ['array_rotate_left', [Dy, L], [[1, 2], null], null],
  ['array_rotate_right', [Dy, L], [null, 1], null],
  ['array_rotate_right', [Dy, L], ['abc', 1], null],
  ['array_shift_left', [Dy, L], [[1, 2, 3], 5], [null, null, null]],
  ['array_shift_left', [Dy, L], [[1, 2, 3], 0], [1, 2, 3]],
  ['array_shift_left', [Dy, L], [['a', 'b', 'c'], 1], ['b', 'c', '']],
  ['array_shift_left', [Dy, L, S], [[1, 2, 3], 1, 'x'], [2, 3, 'x']],
  ['array_shift_left', [Dy, L, L], [null, 1, 0], null],
  ['array_shift_right', [Dy, L, L], [[1, 2, 3], -5, 0], [0, 0, 0]],
  ['array_shift_right', [Dy, L], [[1, 2, 3], null], null],
  ['array_split', [Dy, L], [[1, 2, 3, 4, 5], -2], [[1, 2, 3], [4, 5]]],
  ['array_split', [Dy, L], [[1, 2, 3], 0], [[], [1, 2, 3]]],
  ['array_split', [Dy, L], [[1, 2, 3], 10], [[1, 2, 3], []]],
  ['array_split', [Dy, Dy], [[1, 2, 3, 4], [3, 1]], [[1, 2, 3], [], [4]]],
  ['array_split', [Dy, Dy], [[1, 2, 3], []], [[1, 2, 3]]],
  ['array_split', [Dy, L], [null, 1], null],
  ['array_split', [Dy, L], [{ a: 1 }, 1], null],
  ['array_iff', [Dy, L, L], [[true, 0, 'x', null, 2.5], 1, 0], [1, 0, null, null, 1]],
  ['array_iff', [Dy, Dy, L], [[true, false], null, 0], [null, 0]],
  ['array_iff', [Dy, L, L], [null, 1, 0], null],
  ['array_iff', [Dy, L, L], [{ a: true }, 1, 0], null],
  ['set_equals', [Dy, Dy], [[1, 2, 3], [3, 2, 1, 1]], true],
  ['set_equals', [Dy, Dy], [[1, 2], [1, 2, 3]], false],
  ['set_equals', [Dy, Dy], [[], []], true],
  ['set_equals', [Dy, Dy], [[1, 'a', { b: 1 }], [{ b: 1 }, 'a', 1]], true],
  ['set_equals', [Dy, Dy], [[1], ['1']], false],
  ['set_equals', [Dy, Dy], [null, [1]], null],
  ['set_equals', [Dy, Dy], [[1], 1], null],
  ['jaccard_index', [Dy, Dy], [[1, 1, 2], [2, 3, 3]], 1 / 3],
  ['jaccard_index', [Dy, Dy], [[1], [2]], 0],
  ['jaccard_index', [Dy, Dy], [['a', 'b'], ['b', 'a']], 1],
  ['jaccard_index', [Dy, Dy], [[], []], 'NaN'],
  ['jaccard_index', [Dy, Dy], [[1], null], null],
];

describe('array functions: edge cases and nulls', () => {
  it.each(cases)('%s(%j) %j -> %j', (name, types, values, expected) => {
    expect(call(name, types, values)).toEqual(expected);
  });
});

describe('array functions: types', () => {
  it('result types match the analyzer', () => {
    const q = 'print a=array_reverse(dynamic([1])), b=array_rotate_left(dynamic([1]),1), c=array_rotate_right(dynamic([1]),1), '
      + 'd=array_shift_left(dynamic([1]),1), e=array_shift_right(dynamic([1]),1,2), f=array_split(dynamic([1]),1), '
      + 'g=array_iff(dynamic([true]),1,2), h=array_iif(dynamic([true]),1,2), i=set_equals(dynamic([1]),dynamic([1])), '
      + 'j=jaccard_index(dynamic([1]),dynamic([1])), k=array_split(dynamic([1]), dynamic([1]))';
    expect(formatColumns(runKql(q).columns)).toBe(formatColumns(analyzeWithOracle(q).columns));
  });

  it('wrong argument types fail to bind, as in the analyzer', () => {
    for (const q of [
      'print array_reverse(1)',
      'print array_rotate_left(dynamic([1]), 1.5)',
      'print array_rotate_right("a", 1)',
      'print array_shift_left(dynamic([1]), 1.5)',
      'print array_shift_right(dynamic([1]), "1")',
      'print array_split(dynamic([1]), "a")',
      'print array_iff("a", 1, 2)',
      'print set_equals(1, dynamic([1]))',
      'print jaccard_index(dynamic([1]), 1)',
    ]) {
      expect(() => runKql(q), q).toThrow(KqlSemanticError);
      expect(analyzeWithOracle(q).errors.length, q).toBeGreaterThan(0);
    }
    expect(bindError('array_reverse', [S]).argIndex).toBe(0);
    expect(bindError('array_split', [Dy, 'real']).argIndex).toBe(1);
  });
});
