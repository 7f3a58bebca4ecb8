/**
 * series_periods_detect(series, min_period, max_period, num_periods) -> periods, scores
 * (series-periods-detect-function.md). An approximation of Kusto's detector: see ../series/decompose.ts.
 */
import { detectPeriods } from '../series/decompose.js';
import { defineMultiColumn } from '../series/define-multi.js';
import { readSeries } from '../series/series-math.js';

/** Most periods returned, whatever num_periods asks (a guard against huge arrays). */
const MAX_PERIODS = 1000;

export const series_periods_detect = defineMultiColumn({
  name: 'series_periods_detect',
  description: 'The most significant periods of a regular numeric series (in bins) with scores between 0 and 1.',
  params: ['dynamic', 'number', 'number', 'number'],
  columns: [{ suffix: 'periods', type: 'dynamic' }, { suffix: 'scores', type: 'dynamic' }],
  kernel([v, minPeriod, maxPeriod, count]) {
    const series = readSeries(v);
    if (!series || typeof minPeriod !== 'number' || typeof maxPeriod !== 'number' || typeof count !== 'number') return [null, null];
    const r = detectPeriods(series, minPeriod, maxPeriod, Math.min(MAX_PERIODS, Math.trunc(count)));
    return [r.periods, r.scores];
  },
});
