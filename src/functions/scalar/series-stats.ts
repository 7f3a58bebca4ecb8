/**
 * series_stats(series [, ignore_nonfinite]) -> columns min, min_idx, max, max_idx, avg, stdev, variance;
 * series_stats_dynamic(...) -> the same as one property bag (series-stats-function.md, series-stats-dynamic-function.md).
 */
import { defineScalar } from '../define.js';
import { defineMultiColumn } from '../series/define-multi.js';
import { readSeries, seriesStats, type SeriesStats } from '../series/series-math.js';

const NAMES = ['min', 'min_idx', 'max', 'max_idx', 'avg', 'stdev', 'variance'] as const;

function stats(v: unknown, ignore: unknown): SeriesStats | undefined {
  const series = readSeries(v);
  return series ? seriesStats(series, ignore === true) : undefined;
}

export const series_stats = defineMultiColumn({
  name: 'series_stats',
  description: 'Statistics of a numeric series as columns: min, min_idx, max, max_idx, avg, stdev, variance.',
  params: ['dynamic', 'bool'],
  optional: 1,
  columns: NAMES.map((suffix) => ({ suffix, type: suffix.endsWith('_idx') ? 'long' as const : 'real' as const })),
  kernel([v, ignore]) {
    const s = stats(v, ignore);
    return NAMES.map((k) => (s ? s[k] : null));
  },
});

export const series_stats_dynamic = defineScalar({
  name: 'series_stats_dynamic',
  description: 'Statistics of a numeric series as a property bag {min, min_idx, max, max_idx, avg, stdev, variance}.',
  overloads: [{
    params: ['dynamic', 'bool'],
    optional: 1,
    result: 'dynamic',
    nulls: 'pass',
    kernel([v, ignore]) {
      const s = stats(v, ignore);
      if (!s) return null;
      const bag: Record<string, number | null> = {};
      for (const k of NAMES) bag[k] = s[k];
      return bag;
    },
  }],
});
