/**
 * Numeric building blocks of the series_* functions (dynamic numeric arrays, typically from make-series):
 * reading a series, percentiles, least-squares line fits and summary statistics.
 * Dynamic values are JSON, so a series element is a number or "missing" (null, or anything non-numeric).
 */

/** A series element: a number, or null when missing or not numeric. */
export type Point = number | null;

/** The elements of a dynamic array as numbers (non-numeric elements -> null); undefined when not an array. */
export function readSeries(v: unknown): Point[] | undefined {
  if (!Array.isArray(v)) return undefined;
  // An integer beyond 2^53 (a bigint, src/runtime/int64.ts) is read as the nearest double.
  return v.map((e) => (typeof e === 'number' ? e : typeof e === 'bigint' ? Number(e) : null));
}

export function isFiniteNumber(v: Point | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * The p-th percentile (0..100) of ascending `sorted`, linearly interpolated between the closest ranks
 * (rank p/100 * (n-1)). Kusto does not document the interpolation series_outliers uses; this is the
 * common definition (numpy's default).
 */
export function percentileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function median(values: readonly number[]): number {
  return percentileSorted([...values].sort((a, b) => a - b), 50);
}

export interface LineFit {
  slope: number;
  /** The line's value at x = 0; the series' first element is at x = 1 (as series_fit_line's documented example shows). */
  interception: number;
  /** Sample variance of the fitted points (divided by n - 1). */
  variance: number;
  /** Variance of the residuals around the line (sum of squares divided by n - 1). */
  rvariance: number;
  /** 1 - residual sum of squares / total sum of squares. */
  rsquare: number;
}

/**
 * Least-squares line y = slope * x + interception through the finite points of `ys` at x = 1, 2, ...,
 * using only the first `count` elements (default all). With fewer than two finite points the slope is 0.
 * The figures match series_fit_line's documented example (variance and rvariance divide by n - 1).
 */
export function fitLine(ys: readonly Point[], count = ys.length): LineFit {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < count; i++) {
    const y = ys[i];
    if (!isFiniteNumber(y)) continue;
    n++;
    sx += i + 1;
    sy += y;
  }
  if (n === 0) return { slope: NaN, interception: NaN, variance: NaN, rvariance: NaN, rsquare: NaN };
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < count; i++) {
    const y = ys[i];
    if (!isFiniteNumber(y)) continue;
    const dx = i + 1 - mx;
    sxx += dx * dx;
    sxy += dx * (y - my);
    syy += (y - my) * (y - my);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const interception = my - slope * mx;
  let rss = 0;
  for (let i = 0; i < count; i++) {
    const y = ys[i];
    if (!isFiniteNumber(y)) continue;
    const r = y - (slope * (i + 1) + interception);
    rss += r * r;
  }
  const dof = n - 1;
  return {
    slope,
    interception,
    variance: dof > 0 ? syy / dof : 0,
    rvariance: dof > 0 ? rss / dof : 0,
    rsquare: syy === 0 ? (rss === 0 ? 1 : 0) : 1 - rss / syy,
  };
}

/** The fitted line's values at every position of a series of `length` elements. */
export function lineValues(fit: LineFit, length: number): number[] {
  const out: number[] = new Array(length);
  for (let i = 0; i < length; i++) out[i] = fit.slope * (i + 1) + fit.interception;
  return out;
}

export interface SeriesStats {
  min: number | null;
  min_idx: number | null;
  max: number | null;
  max_idx: number | null;
  avg: number | null;
  stdev: number | null;
  variance: number | null;
}

const NULL_STATS: SeriesStats = { min: null, min_idx: null, max: null, max_idx: null, avg: null, stdev: null, variance: null };

/**
 * series_stats: min/max (first position), average, sample variance and standard deviation.
 * A missing or non-finite element makes every statistic null unless `ignoreNonFinite`, which skips them.
 */
export function seriesStats(series: readonly Point[], ignoreNonFinite: boolean): SeriesStats {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let minIdx = -1;
  let maxIdx = -1;
  for (let i = 0; i < series.length; i++) {
    const v = series[i];
    if (!isFiniteNumber(v)) {
      if (ignoreNonFinite) continue;
      return { ...NULL_STATS };
    }
    n++;
    sum += v;
    if (v < min) { min = v; minIdx = i; }
    if (v > max) { max = v; maxIdx = i; }
  }
  if (n === 0) return { ...NULL_STATS };
  const avg = sum / n;
  let ss = 0;
  for (const v of series) if (isFiniteNumber(v)) ss += (v - avg) * (v - avg);
  const variance = n > 1 ? ss / (n - 1) : 0;
  return { min, min_idx: minIdx, max, max_idx: maxIdx, avg, stdev: Math.sqrt(variance), variance };
}
