/**
 * Hashes and bit operations: binary_*, bitset_count_ones. hash_xxhash64 is an alias of hash()
 * (src/functions/scalar/hash.ts). One file per function (or per small group of siblings) in this folder.
 */
import type { ScalarFunction } from '../registry-types.js';
import { binary_and, binary_not, binary_or, binary_shift_left, binary_shift_right, binary_xor, bitset_count_ones } from './bits.js';

export const HASHING_SCALARS: ScalarFunction[] = [
  binary_and, binary_or, binary_xor, binary_not, binary_shift_left, binary_shift_right, bitset_count_ones,
];
