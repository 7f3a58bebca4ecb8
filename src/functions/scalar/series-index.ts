/** The series_* functions (dynamic numeric arrays, as make-series produces) and row_window_session. */
import type { ScalarFunction } from '../registry-types.js';
import { row_window_session } from './row-window-session.js';
import { series_add, series_divide, series_multiply, series_subtract } from './series-arith.js';
import { series_decompose, series_decompose_anomalies } from './series-decompose.js';
import { series_fill_backward, series_fill_const, series_fill_forward, series_fill_linear } from './series-fill.js';
import { series_fit_line } from './series-fit-line.js';
import { series_outliers } from './series-outliers.js';
import { series_periods_detect } from './series-periods-detect.js';
import { series_stats, series_stats_dynamic } from './series-stats.js';
import { series_fft, series_ifft } from '../series/series-fft.js';
import { series_fir, series_iir } from '../series/series-filters.js';
import { series_fit_2lines, series_fit_2lines_dynamic, series_fit_line_dynamic, series_fit_poly } from '../series/series-fits.js';
import { series_decompose_forecast, series_periods_validate, series_seasonal } from '../series/series-seasonal.js';
import { SERIES_COMPARE } from '../series/series-compare.js';
import { SERIES_REDUCE } from '../series/series-reduce.js';
import { SERIES_UNARY } from '../series/series-unary.js';

export const SERIES_SCALARS: ScalarFunction[] = [
  series_decompose_anomalies, series_decompose, series_periods_detect, series_outliers,
  series_fit_line, series_stats, series_stats_dynamic,
  series_fill_linear, series_fill_forward, series_fill_backward, series_fill_const,
  series_add, series_subtract, series_multiply, series_divide,
  ...SERIES_UNARY, ...SERIES_COMPARE, ...SERIES_REDUCE,
  series_fir, series_iir, series_fft, series_ifft,
  series_fit_line_dynamic, series_fit_2lines, series_fit_2lines_dynamic, series_fit_poly,
  series_periods_validate, series_seasonal, series_decompose_forecast,
  row_window_session,
];
