import type { ScalarFunction } from '../registry-types.js';
/** Functions beyond the required set; each lives in its own file. */
export const EXTRA_SCALARS: ScalarFunction[] = [];
