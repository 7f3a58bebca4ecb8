/**
 * series_periods_validate(series, period1 [, ..., period16]) -> periods, scores; series_seasonal(series
 * [, period]); series_decompose_forecast(series, points [, seasonality, trend, seasonality_threshold]) ->
 * baseline, seasonal, trend, residual (series-periods-validate-function.md, series-seasonal-function.md,
 * series-decompose-forecast-function.md). They reuse the period scores and decomposition of ./decompose.ts, an
 * approximation of Kusto's detector (see there): scores differ from Kusto's.
 */
import { defineScalar } from '../define.js';
import { checkChoice, trendArg, TRENDS } from '../scalar/series-decompose.js';
import { decompose, detectSeasonality, periodScores, seasonalComponent } from './decompose.js';
import { defineMultiColumn, numberArg } from './define-multi.js';
import { numericElement } from './elementwise.js';
import { readSeries } from './series-math.js';

/** Most periods series_periods_validate takes (as Kusto). */
const MAX_VALIDATED = 16;

export const series_periods_validate = defineMultiColumn({
  name: 'series_periods_validate',
  description: 'Scores (0 to 1) how strongly a regular numeric series shows each given period (in bins, up to 16 periods).',
  params: ['dynamic', ...new Array<'number'>(MAX_VALIDATED).fill('number')],
  optional: MAX_VALIDATED - 1,
  columns: [{ suffix: 'periods', type: 'dynamic' }, { suffix: 'scores', type: 'dynamic' }],
  kernel([v, ...periods]) {
    const series = readSeries(v);
    if (!series) return [null, null];
    const given = periods.filter((p) => p !== undefined).map((p) => numericElement(p));
    const scores = periodScores(series, given.map((p) => (p === null ? NaN : p)));
    return [given, scores];
  },
});

/** The threshold series_seasonal's autodetection applies (series-seasonal-function.md). */
const SEASONAL_THRESHOLD = 0.7;

export const series_seasonal = defineScalar({
  name: 'series_seasonal',
  description: 'The seasonal component of a numeric series: per position, the median of the values in the same phase of the given or detected period (zeros when none).',
  overloads: [{
    params: ['dynamic', 'integer'],
    optional: 1,
    result: 'dynamic',
    nulls: 'pass',
    kernel([v, p]) {
      const series = readSeries(v);
      if (!series) return null;
      let period = Math.trunc(numberArg(p, -1));
      // Detection wants more than two repetitions: a pattern seen exactly twice is not detected (as the docs show).
      if (period === -1) period = detectSeasonality(series, SEASONAL_THRESHOLD, Math.floor((series.length - 1) / 2));
      return seasonalComponent(series, Math.max(0, period));
    },
  }],
});

export const series_decompose_forecast = defineMultiColumn({
  name: 'series_decompose_forecast',
  description: 'Forecast from a decomposition learned on all but the last points: baseline (seasonal + trend, the forecast), seasonal, trend and residual series.',
  params: ['dynamic', 'integer', 'integer', 'string', 'number'],
  optional: 3,
  columns: ['baseline', 'seasonal', 'trend', 'residual'].map((suffix) => ({ suffix, type: 'dynamic' as const })),
  check: (args) => checkChoice(args, 3, TRENDS, 'trend', 'series_decompose_forecast'),
  kernel([v, points, seasonality, trend, threshold]) {
    const series = readSeries(v);
    if (!series || points === null) return [null, null, null, null];
    const d = decompose(series, numberArg(seasonality, -1), trendArg(trend), numberArg(points, 0), numberArg(threshold, 0.6));
    return [d.baseline, d.seasonal, d.trend, d.residual];
  },
});
