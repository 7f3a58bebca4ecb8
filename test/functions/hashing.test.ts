import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { KqlSemanticError } from '../../src/errors/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { bindError, call, type Case } from './helpers.js';

const L = 'long' as const;
const I = 'int' as const;

const row = (q: string) => runKql(q).rows[0];
const MAX = 9223372036854775807n, MIN = -9223372036854775808n;

describe('bit functions: the docs examples', () => {
  it('binary_xor, binary_not, binary_shift_left/right, bitset_count_ones', () => {
    // binary-xor-function.md, binary-not-function.md, binary-shift-*-function.md, bitset-count-ones-function.md
    expect(row('print a = binary_xor(1,1), b = binary_xor(1,2), c = binary_not(100), d = binary_shift_left(1,2), e = binary_shift_right(1,2), ones = bitset_count_ones(42)'))
      .toEqual({ a: 0, b: 3, c: -101, d: 4, e: 0, ones: 3 });
  });

  it('hash_xxhash64 (hash-xxhash64-function.md; the same function as hash())', () => {
    expect(row('print result=hash_xxhash64("World")').result).toBe(1846988464401551951n);
    expect(row('print result=hash_xxhash64("World", 100)').result).toBe(51);
    expect(row('print result=hash_xxhash64(datetime("2015-01-01"))').result).toBe(1380966698541616202n);
  });
});

// Worked by hand (two's complement, 64 bits).
const cases: Case[] = [
  ['binary_and', [L, L], [12, 10], 8],
  ['binary_and', [L, L], [-1, MAX], MAX],
  ['binary_and', [L, L], [MIN, -1], MIN],
  ['binary_and', [L, L], [2 ** 40 + 5, 2 ** 40 + 3], 2 ** 40 + 1],
  ['binary_and', [L, L], [null, 1], null],
  ['binary_or', [L, L], [12, 10], 14],
  ['binary_or', [L, L], [MIN, MAX], -1],
  ['binary_or', [L, L], [2 ** 33, 1], 2 ** 33 + 1],
  ['binary_or', [I, I], [-2147483648, 1], -2147483647],
  ['binary_or', [L, L], [1, null], null],
  ['binary_xor', [L, L], [MAX, -1], MIN],
  ['binary_xor', [L, L], [2 ** 52, 2 ** 52], 0],
  ['binary_xor', [L, L], [null, null], null],
  ['binary_not', [L], [0], -1],
  ['binary_not', [L], [MAX], MIN],
  ['binary_not', [L], [MIN], MAX],
  ['binary_not', [L], [2 ** 53 - 1], -(2n ** 53n)],
  ['binary_not', [I], [2147483647], -2147483648],
  ['binary_not', [L], [null], null],
  ['binary_shift_left', [L, L], [1, 63], MIN],
  ['binary_shift_left', [L, L], [1, 64], 1],
  ['binary_shift_left', [L, L], [1, 66], 4],
  ['binary_shift_left', [L, L], [3, 62], MIN + (2n ** 62n)],
  ['binary_shift_left', [L, L], [1, 53], 2n ** 53n],
  ['binary_shift_left', [L, L], [1, -1], null],
  ['binary_shift_left', [L, L], [1, null], null],
  ['binary_shift_right', [L, L], [-8, 1], -4],
  ['binary_shift_right', [L, L], [MIN, 63], -1],
  ['binary_shift_right', [L, L], [MAX, 62], 1],
  ['binary_shift_right', [L, L], [256, 68], 16],
  ['binary_shift_right', [L, L], [1, -3], null],
  ['binary_shift_right', [L, L], [null, 3], null],
  ['bitset_count_ones', [L], [0], 0],
  ['bitset_count_ones', [L], [-1], 64],
  ['bitset_count_ones', [L], [MIN], 1],
  ['bitset_count_ones', [L], [MAX], 63],
  ['bitset_count_ones', [L], [2 ** 40 + 255], 9],
  ['bitset_count_ones', [I], [-2147483648], 33],
  ['bitset_count_ones', [L], [null], null],
];

describe('bit functions: edge cases and nulls', () => {
  it.each(cases)('%s case %#', (name, types, values, expected) => {
    expect(call(name, types, values)).toEqual(expected);
  });

  it('exact longs through a query', () => {
    expect(row('print a = binary_and(9223372036854775807, 9223372036854775806), b = binary_shift_left(int(1), 40), c = binary_or(long(null), 1)'))
      .toEqual({ a: 9223372036854775806n, b: 2 ** 40, c: null });
  });
});

describe('bit and hash functions: types', () => {
  it('result types and names match the analyzer', () => {
    for (const q of [
      'print a=binary_and(1,2), b=binary_or(1,2), c=binary_xor(1,2), d=binary_not(1), e=binary_shift_left(1,2), f=binary_shift_right(1,2), g=bitset_count_ones(1), h=hash_xxhash64("a"), k=hash_xxhash64("a", 10)',
      'print a=binary_and(int(1),int(2)), b=binary_not(int(1)), c=binary_shift_left(int(1),2), d=bitset_count_ones(int(1)), e=binary_and(1, int(2))',
      'print x = 5 | project binary_and(x, 1), binary_not(x), bitset_count_ones(x)',
    ]) {
      expect(formatColumns(runKql(q).columns), q).toBe(formatColumns(analyzeWithOracle(q).columns));
    }
  });

  it('non-integer arguments fail to bind, as in the analyzer', () => {
    for (const q of [
      'print binary_and(1.5, 2)',
      'print binary_or("a", 2)',
      'print binary_xor(1, dynamic(1))',
      'print binary_not(1.0)',
      'print binary_shift_left(1, 2.0)',
      'print binary_shift_right(datetime(2020-01-01), 1)',
      'print bitset_count_ones(1.0)',
    ]) {
      expect(() => runKql(q), q).toThrow(KqlSemanticError);
      expect(analyzeWithOracle(q).errors.length, q).toBeGreaterThan(0);
    }
    expect(bindError('binary_and', [L, 'real']).argIndex).toBe(1);
  });
});
