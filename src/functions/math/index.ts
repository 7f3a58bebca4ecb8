/** Mathematical functions: powers, logarithms, trigonometry, special functions, statistics tests, rand. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';

export const MATH_SCALARS: ScalarFunction[] = [];
