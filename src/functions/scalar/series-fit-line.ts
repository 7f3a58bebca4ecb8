/** series_fit_line(series): least-squares line through a numeric series (series-fit-line-function.md). */
import { defineMultiColumn } from '../series/define-multi.js';
import { fitLine, lineValues, readSeries } from '../series/series-math.js';

export const series_fit_line = defineMultiColumn({
  name: 'series_fit_line',
  description: 'Linear regression of a numeric series: rsquare, slope, variance, rvariance, interception and the fitted line.',
  params: ['dynamic'],
  columns: [
    { suffix: 'rsquare', type: 'real' },
    { suffix: 'slope', type: 'real' },
    { suffix: 'variance', type: 'real' },
    { suffix: 'rvariance', type: 'real' },
    { suffix: 'interception', type: 'real' },
    { suffix: 'line_fit', type: 'dynamic' },
  ],
  kernel([v]) {
    const series = readSeries(v);
    if (!series || series.length === 0) return [null, null, null, null, null, series ? [] : null];
    const fit = fitLine(series);
    const real = (x: number) => (Number.isFinite(x) ? x : null);
    return [real(fit.rsquare), real(fit.slope), real(fit.variance), real(fit.rvariance), real(fit.interception),
      Number.isFinite(fit.slope) ? lineValues(fit, series.length) : series.map(() => null)];
  },
});
