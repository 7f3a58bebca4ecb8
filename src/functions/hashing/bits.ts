/**
 * Bitwise functions on exact signed 64-bit longs (src/runtime/int64.ts): binary_and, binary_or, binary_xor,
 * binary_not, binary_shift_left, binary_shift_right (binary-*-function.md) and bitset_count_ones
 * (bitset-count-ones-function.md). int arguments widen to long; the result is always a long (the analyzer's
 * type). Values within int32 use JS's 32-bit operators (exact, and sign-extended like 64-bit ones); others
 * go through BigInt.
 */
import { toBigInt, wrap, type Long } from '../../runtime/int64.js';
import { defineScalar } from '../define.js';

const INT32_MIN = -2147483648, INT32_MAX = 2147483647;
const small = (v: unknown): v is number => typeof v === 'number' && v >= INT32_MIN && v <= INT32_MAX;

const binary = (name: string, op: string, num: (a: number, b: number) => number, big: (a: bigint, b: bigint) => bigint) => defineScalar({
  name,
  description: `Bitwise ${op} of two longs.`,
  overloads: [{
    params: ['long', 'long'], result: 'long', exact: true,
    kernel: ([a, b]) => (small(a) && small(b) ? num(a, b) : wrap(big(toBigInt(a as Long), toBigInt(b as Long)))),
  }],
});

export const binary_and = binary('binary_and', 'AND', (a, b) => a & b, (a, b) => a & b);
export const binary_or = binary('binary_or', 'OR', (a, b) => a | b, (a, b) => a | b);
export const binary_xor = binary('binary_xor', 'XOR', (a, b) => a ^ b, (a, b) => a ^ b);

export const binary_not = defineScalar({
  name: 'binary_not',
  description: 'Bitwise NOT (negation of every bit) of a long.',
  overloads: [{
    params: ['long'], result: 'long', exact: true,
    kernel: ([a]) => (small(a) ? ~a : wrap(~toBigInt(a as Long))),
  }],
});

/**
 * The shift count as the docs give it: value << (shift % 64); a negative shift gives null. The shift is
 * reduced before any BigInt so a huge count costs nothing.
 */
function shiftCount(s: Long): bigint | null {
  if (typeof s === 'bigint') return s < 0n ? null : s % 64n;
  return s < 0 ? null : BigInt(s % 64);
}

export const binary_shift_left = defineScalar({
  name: 'binary_shift_left',
  description: 'A long shifted left by a number of bits (modulo 64); a negative shift gives null.',
  overloads: [{
    params: ['long', 'long'], result: 'long', exact: true,
    kernel: ([v, s]) => {
      const n = shiftCount(s as Long);
      return n === null ? null : wrap(toBigInt(v as Long) << n);
    },
  }],
});

export const binary_shift_right = defineScalar({
  name: 'binary_shift_right',
  description: 'A long shifted right by a number of bits (modulo 64, keeping the sign); a negative shift gives null.',
  overloads: [{
    params: ['long', 'long'], result: 'long', exact: true,
    kernel: ([v, s]) => {
      const n = shiftCount(s as Long);
      return n === null ? null : wrap(BigInt.asIntN(64, toBigInt(v as Long)) >> n);
    },
  }],
});

/** Set bits of a 32-bit word. */
function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export const bitset_count_ones = defineScalar({
  name: 'bitset_count_ones',
  description: 'The number of set bits in the 64-bit two\'s complement form of a long.',
  overloads: [{
    params: ['long'], result: 'long', exact: true,
    kernel: ([a]) => {
      const u = BigInt.asUintN(64, toBigInt(a as Long));
      return popcount32(Number(u & 0xffffffffn)) + popcount32(Number(u >> 32n));
    },
  }],
});
