/** Row-window functions over serialized rows: row_cumsum, row_rank_dense, row_rank_min. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';

export const WINDOW_SCALARS: ScalarFunction[] = [];
