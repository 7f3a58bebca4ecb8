/** Row-window functions over serialized rows: row_cumsum, row_rank_dense, row_rank_min. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';
import { row_cumsum } from './row-cumsum.js';
import { row_rank_dense, row_rank_min } from './row-rank.js';

export const WINDOW_SCALARS: ScalarFunction[] = [row_cumsum, row_rank_dense, row_rank_min];
