/** Scalar functions over sketches that aggregates make: dcount_hll, hll_merge, percentile_tdigest, ... One file per function or small group. */
import type { ScalarFunction } from '../registry-types.js';
import { dcount_hll, hll_merge_scalar } from './hll_scalars.js';
import {
  percentile_tdigest, percentiles_array_tdigest, percentrank_tdigest, rank_tdigest, tdigest_merge_scalar,
} from './tdigest_scalars.js';

export const SKETCH_SCALARS: ScalarFunction[] = [
  dcount_hll, hll_merge_scalar, percentile_tdigest, percentiles_array_tdigest, percentrank_tdigest, rank_tdigest,
  tdigest_merge_scalar,
];
