/** String comparison, replacement and parsing functions. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';

export const STRINGS_SCALARS: ScalarFunction[] = [];
