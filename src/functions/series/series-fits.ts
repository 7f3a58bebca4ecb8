/**
 * series_fit_line_dynamic (series_fit_line as one property bag), series_fit_2lines / series_fit_2lines_dynamic
 * (two-segment regression, ./fit-2lines.ts) and series_fit_poly (polynomial regression, ./poly-fit.ts)
 * (series-fit-line-dynamic-function.md, series-fit-2lines-function.md, series-fit-2lines-dynamic-function.md,
 * series-fit-poly-function.md). Like series_fit_line, x runs 1, 2, ... over the series and missing elements
 * are left out of the fits.
 */
import { defineScalar } from '../define.js';
import { defineMultiColumn } from './define-multi.js';
import { numericElement } from './elementwise.js';
import { fitTwoLines } from './fit-2lines.js';
import { fitPoly, MAX_POLY_DEGREE } from './poly-fit.js';
import { fitLine, lineValues, readSeries, type LineFit } from './series-math.js';

const real = (x: number) => (Number.isFinite(x) ? x : null);

export const series_fit_line_dynamic = defineScalar({
  name: 'series_fit_line_dynamic',
  description: 'Linear regression of a numeric series as a property bag {rsquare, slope, variance, rvariance, interception, line_fit}.',
  overloads: [{
    params: ['dynamic'],
    result: 'dynamic',
    nulls: 'pass',
    kernel([v]) {
      const series = readSeries(v);
      if (!series) return null;
      const fit = fitLine(series);
      const ok = series.length > 0 && Number.isFinite(fit.slope);
      return {
        rsquare: real(fit.rsquare), slope: real(fit.slope), variance: real(fit.variance), rvariance: real(fit.rvariance),
        interception: real(fit.interception), line_fit: ok ? lineValues(fit, series.length) : series.map(() => null),
      };
    },
  }],
});

const SIDE = ['rsquare', 'slope', 'interception', 'variance', 'rvariance'] as const;
const TOP = ['rsquare', 'split_idx', 'variance', 'rvariance', 'line_fit'] as const;

function sideValues(fit: LineFit | undefined): (number | null)[] {
  return SIDE.map((k) => (fit ? real(fit[k]) : null));
}

function twoLines(v: unknown) {
  const series = readSeries(v);
  if (!series) return undefined;
  return { series, fit: fitTwoLines(series) };
}

export const series_fit_2lines = defineMultiColumn({
  name: 'series_fit_2lines',
  description: 'Two-segment linear regression of a numeric series: the best split (split_idx), total and per-segment fit figures and the fitted lines.',
  params: ['dynamic'],
  columns: [
    ...TOP.map((suffix) => ({ suffix, type: suffix === 'split_idx' ? 'long' as const : suffix === 'line_fit' ? 'dynamic' as const : 'real' as const })),
    ...SIDE.map((k) => ({ suffix: `right_${k}`, type: 'real' as const })),
    ...SIDE.map((k) => ({ suffix: `left_${k}`, type: 'real' as const })),
  ],
  kernel([v]) {
    const r = twoLines(v);
    const f = r?.fit;
    const lineFit = f ? f.line_fit : r ? r.series.map(() => null) : null;
    return [f ? real(f.rsquare) : null, f ? f.split_idx : null, f ? real(f.variance) : null, f ? real(f.rvariance) : null, lineFit,
      ...sideValues(f?.right), ...sideValues(f?.left)];
  },
});

export const series_fit_2lines_dynamic = defineScalar({
  name: 'series_fit_2lines_dynamic',
  description: 'Two-segment linear regression of a numeric series as a property bag (rsquare, split_idx, variance, rvariance, line_fit, right.*, left.*).',
  overloads: [{
    params: ['dynamic'],
    result: 'dynamic',
    nulls: 'pass',
    kernel([v]) {
      const r = twoLines(v);
      if (!r) return null;
      const f = r.fit;
      const side = (fit: LineFit | undefined) => Object.fromEntries(SIDE.map((k, i) => [k, sideValues(fit)[i]]));
      return {
        rsquare: f ? real(f.rsquare) : null, split_idx: f ? f.split_idx : null, variance: f ? real(f.variance) : null,
        rvariance: f ? real(f.rvariance) : null, line_fit: f ? f.line_fit : r.series.map(() => null),
        right: side(f?.right), left: side(f?.left),
      };
    },
  }],
});

export const series_fit_poly = defineMultiColumn({
  name: 'series_fit_poly',
  description: 'Polynomial regression of y_series on x_series (default 1, 2, ...) of a given degree (default 1): rsquare, coefficients (highest power first), variance, rvariance, poly_fit.',
  params: ['dynamic', 'dynamic', 'integer'],
  optional: 2,
  columns: [
    { suffix: 'rsquare', type: 'real' },
    { suffix: 'coefficients', type: 'dynamic' },
    { suffix: 'variance', type: 'real' },
    { suffix: 'rvariance', type: 'real' },
    { suffix: 'poly_fit', type: 'dynamic' },
  ],
  kernel([yv, xv, deg]) {
    if (!Array.isArray(yv)) return [null, null, null, null, null];
    const n = yv.length;
    const degree = deg === undefined || deg === null ? 1 : Number(deg);
    const xAt = (i: number): number | null => (Array.isArray(xv) ? numericElement(xv[i]) : i + 1);
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = xAt(i);
      const y = numericElement(yv[i]);
      if (x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y)) { xs.push(x); ys.push(y); }
    }
    const fit = degree >= 1 && degree <= MAX_POLY_DEGREE ? fitPoly(xs, ys, degree) : undefined;
    if (!fit) return [null, null, null, null, yv.map(() => null)];
    const polyFit = yv.map((_, i) => {
      const x = xAt(i);
      return x === null ? null : fit.at(x);
    });
    return [real(fit.rsquare), fit.coefficients, real(fit.variance), real(fit.rvariance), polyFit];
  },
});
