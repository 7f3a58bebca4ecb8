/** Scalar functions over sketches that aggregates make: dcount_hll, hll_merge, percentile_tdigest, ... One file per function or small group. */
import type { ScalarFunction } from '../registry-types.js';

export const SKETCH_SCALARS: ScalarFunction[] = [];
