/** Time zones, Unix time conversions, bin_at, around. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';

export const DATETIME_SCALARS: ScalarFunction[] = [];
