/**
 * series_decompose(series [, seasonality, trend, test_points, seasonality_threshold]) -> baseline, seasonal,
 * trend, residual; series_decompose_anomalies(series [, threshold, seasonality, trend, test_points, AD_method,
 * seasonality_threshold]) -> ad_flag, ad_score, baseline (series-decompose-function.md,
 * series-decompose-anomalies-function.md). Both produce several columns.
 *
 * Algorithm (as documented): decompose the series into seasonal + trend (the baseline); score the residuals
 * (series - baseline) with series_outliers' Tukey fences ('ctukey' 10/90 or 'tukey' 25/75); flag +1 where the
 * score is above threshold, -1 where it is below -threshold, else 0. Seasonality autodetection (-1, the
 * default) is an approximation of Kusto's series_periods_detect, see ../series/decompose.ts.
 */
import { ErrorCodes } from '../../errors/index.js';
import type { ArgInfo, BindFailure } from '../registry-types.js';
import { constantString } from '../define.js';
import { decompose, outlierScores, type TrendKind } from '../series/decompose.js';
import { defineMultiColumn, numberArg, stringArg } from '../series/define-multi.js';
import { readSeries } from '../series/series-math.js';

export const TRENDS = new Set(['avg', 'linefit', 'none']);
const METHODS = new Set(['ctukey', 'tukey']);

export function checkChoice(args: ArgInfo[], index: number, allowed: Set<string>, what: string, fn: string): BindFailure | undefined {
  const v = constantString(args[index]);
  if (v === undefined || v === '' || allowed.has(v)) return undefined;
  return {
    error: `${fn}(): unknown ${what} '${v}' (expected ${[...allowed].map((a) => `'${a}'`).join(', ')})`,
    argIndex: index,
    code: ErrorCodes.SEM_INVALID_ARGUMENT,
  };
}

export function trendArg(v: unknown): TrendKind {
  const t = stringArg(v, 'avg');
  return TRENDS.has(t) ? (t as TrendKind) : 'avg';
}

export const series_decompose = defineMultiColumn({
  name: 'series_decompose',
  description: 'Decomposes a numeric series into baseline (seasonal + trend), seasonal, trend and residual series.',
  params: ['dynamic', 'number', 'string', 'number', 'number'],
  optional: 4,
  columns: ['baseline', 'seasonal', 'trend', 'residual'].map((suffix) => ({ suffix, type: 'dynamic' as const })),
  check: (args) => checkChoice(args, 2, TRENDS, 'trend', 'series_decompose'),
  kernel([v, seasonality, trend, testPoints, seasonalityThreshold]) {
    const series = readSeries(v);
    if (!series) return [null, null, null, null];
    const d = decompose(series, numberArg(seasonality, -1), trendArg(trend), numberArg(testPoints, 0), numberArg(seasonalityThreshold, 0.6));
    return [d.baseline, d.seasonal, d.trend, d.residual];
  },
});

export const series_decompose_anomalies = defineMultiColumn({
  name: 'series_decompose_anomalies',
  description: "Anomalies of a numeric series from its decomposition: ad_flag (+1/-1/0), ad_score (Tukey fences on the residuals) and baseline.",
  params: ['dynamic', 'number', 'number', 'string', 'number', 'string', 'number'],
  optional: 6,
  columns: ['ad_flag', 'ad_score', 'baseline'].map((suffix) => ({ suffix, type: 'dynamic' as const })),
  check: (args) =>
    checkChoice(args, 3, TRENDS, 'trend', 'series_decompose_anomalies') ??
    checkChoice(args, 5, METHODS, 'AD_method', 'series_decompose_anomalies'),
  kernel([v, threshold, seasonality, trend, testPoints, method, seasonalityThreshold]) {
    const series = readSeries(v);
    if (!series) return [null, null, null];
    const tp = numberArg(testPoints, 0);
    const d = decompose(series, numberArg(seasonality, -1), trendArg(trend), tp, numberArg(seasonalityThreshold, 0.6));
    const learn = Math.max(0, series.length - Math.max(0, Math.trunc(tp)));
    const kind = stringArg(method, 'ctukey') === 'tukey' ? 'tukey' : 'ctukey';
    const scores = outlierScores(d.residual, kind, null, 10, 90, learn);
    const k = numberArg(threshold, 1.5);
    const flags = scores.map((s) => (s > k ? 1 : s < -k ? -1 : 0));
    return [flags, scores, d.baseline];
  },
});
