/** Dynamic array functions: shifting, rotating, splitting, reversing, array_iff, set comparisons. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';

export const ARRAY_SCALARS: ScalarFunction[] = [];
