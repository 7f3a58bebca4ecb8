/** Hashes and bit operations: hash_xxhash64, hash_combine, hash_many, binary_*, bitset_count_ones. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';

export const HASHING_SCALARS: ScalarFunction[] = [];
