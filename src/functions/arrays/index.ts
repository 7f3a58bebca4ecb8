/** Dynamic array functions: shifting, rotating, splitting, reversing, array_iff, set comparisons. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';
import { array_reverse } from './array_reverse.js';
import { array_sum } from './array_sum.js';
import { array_rotate_left, array_rotate_right, array_shift_left, array_shift_right } from './rotate_shift.js';
import { array_split } from './array_split.js';
import { array_iff } from './array_iff.js';
import { jaccard_index, set_equals } from './set_compare.js';

export const ARRAY_SCALARS: ScalarFunction[] = [
  array_reverse, array_rotate_left, array_rotate_right, array_shift_left, array_shift_right, array_split, array_iff,
  set_equals, jaccard_index, array_sum,
];
