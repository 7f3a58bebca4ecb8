/** Unit conversions and formats: convert_*, format_bytes. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';

export const UNITS_SCALARS: ScalarFunction[] = [];
