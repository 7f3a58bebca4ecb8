/**
 * Period detection, seasonal/trend decomposition and Tukey-fence outlier scores: the algorithms behind
 * series_periods_detect, series_decompose, series_outliers and series_decompose_anomalies, following the
 * steps the Kusto documentation gives (series-decompose-function.md, series-outliers-function.md,
 * series-decompose-anomalies-function.md).
 *
 * Approximations, where the documentation does not pin the algorithm down:
 * - Period detection (series_periods_detect, and seasonality = -1 in series_decompose*): Kusto documents only
 *   its contract (periods of at least 4 points and at most half the series, scores in [0, 1]). Here: remove
 *   the least-squares line, take the Pearson correlation of the series with itself shifted by each candidate
 *   lag, keep the lags that are local maxima of that autocorrelation, drop harmonics (multiples of a stronger
 *   or nearly as strong shorter period) and score each period by its autocorrelation. Scores therefore differ
 *   from Kusto's, and so can the chosen period on noisy data; clearly periodic series find their period.
 * - Percentiles for the fences interpolate linearly between closest ranks.
 * - Floating-point noise: residuals smaller than 1e-10 times the series' magnitude count as 0, so a series the
 *   decomposition explains exactly (e.g. a straight line with trend 'linefit') has no anomalies.
 */
import { dft } from './fft.js';
import { fitLine, isFiniteNumber, lineValues, median, percentileSorted, type Point } from './series-math.js';

export interface DetectedPeriods {
  periods: number[];
  scores: number[];
}

/**
 * The series minus its least-squares line, missing points as 0 (they take the line's value, so they neither
 * add nor hide periodicity); undefined when nothing but the line (and rounding noise) is left.
 */
function detrended(series: readonly Point[]): number[] | undefined {
  const n = series.length;
  const fit = fitLine(series);
  if (!Number.isFinite(fit.slope)) return undefined;
  const line = lineValues(fit, n);
  const d = series.map((v, i) => (isFiniteNumber(v) ? v - line[i] : 0));
  let energy = 0;
  let magnitude = 0;
  for (let i = 0; i < n; i++) {
    energy += d[i] * d[i];
    const v = series[i];
    if (isFiniteNumber(v)) magnitude = Math.max(magnitude, Math.abs(v));
  }
  if (energy <= n * (1e-10 * Math.max(1, magnitude)) ** 2) return undefined;
  return d;
}

/** Candidate lags with their autocorrelation, strongest first, harmonics removed. */
function periodCandidates(series: readonly Point[], minPeriod: number, maxPeriod: number): { period: number; score: number }[] {
  const n = series.length;
  const lo = Math.max(4, Math.ceil(minPeriod));
  const hi = Math.min(Math.floor(n / 2), Math.floor(maxPeriod));
  if (hi < lo) return [];
  const d = detrended(series);
  if (!d) return [];
  const acf = new Array<number>(hi + 2).fill(-1);
  const from = Math.max(1, lo - 1);
  const to = Math.min(hi + 1, n - 2);
  const values = autocorrelations(d, from, to);
  for (let k = from; k <= to; k++) acf[k] = values[k - from];
  const peaks: { period: number; score: number }[] = [];
  for (let k = lo; k <= hi; k++) {
    const s = acf[k];
    if (!(s > 0)) continue;
    const left = acf[k - 1] ?? -1;
    const right = k + 1 <= hi + 1 ? acf[k + 1] : -1;
    if (s >= left && s >= right) peaks.push({ period: k, score: Math.min(1, s) });
  }
  peaks.sort((a, b) => b.score - a.score || a.period - b.period);
  const kept: { period: number; score: number }[] = [];
  for (const p of peaks) {
    const harmonic = peaks.some((q) => q.period < p.period && q.score >= 0.9 * p.score && isMultiple(p.period, q.period));
    if (!harmonic) kept.push(p);
  }
  return kept;
}

function isMultiple(p: number, q: number): boolean {
  const r = p / q;
  return Math.abs(r - Math.round(r)) * q <= 1;
}

/** Above this many multiply-adds (series length times lags), autocorrelations go through the FFT. */
const DIRECT_ACF_WORK = 4_000_000;

/**
 * correlation(d, k) for every lag k in [from, to]. Directly in O(n) per lag for small inputs; otherwise all
 * lagged sums of products at once through a zero-padded FFT (O(n log n)), with prefix sums for each
 * segment's mean and variance, so a long series cannot make period detection quadratic.
 */
export function autocorrelations(d: readonly number[], from: number, to: number, forceFft = false): number[] {
  const n = d.length;
  const out: number[] = [];
  if (to < from) return out;
  if (!forceFft && n * (to - from + 1) <= DIRECT_ACF_WORK) {
    for (let k = from; k <= to; k++) out.push(correlation(d, k));
    return out;
  }
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const re = new Array<number>(size).fill(0);
  for (let i = 0; i < n; i++) re[i] = d[i];
  const spectrum = dft(re, new Array<number>(size).fill(0), false);
  const power = spectrum.re.map((r, i) => r * r + spectrum.im[i] * spectrum.im[i]);
  const lagged = dft(power, new Array<number>(size).fill(0), true).re; // lagged[k] = sum d[i] d[i + k]
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    s1[i + 1] = s1[i] + d[i];
    s2[i + 1] = s2[i] + d[i] * d[i];
    scale = Math.max(scale, d[i] * d[i]);
  }
  for (let k = from; k <= to; k++) {
    const m = n - k;
    if (m < 2) { out.push(-1); continue; }
    const ma = s1[m] / m;
    const mb = (s1[n] - s1[k]) / m;
    const sab = lagged[k] - m * ma * mb;
    const saa = s2[m] - m * ma * ma;
    const sbb = s2[n] - s2[k] - m * mb * mb;
    // Rounding of the FFT is about 1e-12 of the largest square times n: below that a segment is constant.
    const tiny = 1e-12 * scale * n;
    out.push(saa <= tiny || sbb <= tiny ? -1 : Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb))));
  }
  return out;
}

/** Pearson correlation between d[0..n-k) and d[k..n). */
function correlation(d: readonly number[], k: number): number {
  const m = d.length - k;
  if (m < 2) return -1;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < m; i++) { sa += d[i]; sb += d[i + k]; }
  const ma = sa / m;
  const mb = sb / m;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < m; i++) {
    const a = d[i] - ma;
    const b = d[i + k] - mb;
    sab += a * b;
    saa += a * a;
    sbb += b * b;
  }
  return saa === 0 || sbb === 0 ? -1 : sab / Math.sqrt(saa * sbb);
}

/** series_periods_detect: up to `count` periods (in bins) with scores; unused slots are 0. */
export function detectPeriods(series: readonly Point[], minPeriod: number, maxPeriod: number, count: number): DetectedPeriods {
  const found = periodCandidates(series, minPeriod, maxPeriod).slice(0, Math.max(0, count));
  const periods = new Array<number>(Math.max(0, count)).fill(0);
  const scores = new Array<number>(Math.max(0, count)).fill(0);
  found.forEach((p, i) => { periods[i] = p.period; scores[i] = p.score; });
  return { periods, scores };
}

/**
 * series_periods_validate: the score of each given period (in bins, may be fractional: the autocorrelation is
 * interpolated between the neighbouring lags), the same autocorrelation score series_periods_detect uses,
 * clamped to [0, 1]; 0 for a period below 4 or above half the series.
 */
export function periodScores(series: readonly Point[], periods: readonly number[]): number[] {
  const n = series.length;
  const d = detrended(series);
  return periods.map((p) => {
    if (!d || !(p >= 4 && p <= n / 2)) return 0;
    const k = Math.floor(p);
    const f = p - k;
    const c = f === 0 ? correlation(d, k) : (1 - f) * correlation(d, k) + f * correlation(d, k + 1);
    return Math.min(1, Math.max(0, c));
  });
}

/** The strongest period of at least 4 and at most maxPeriod bins scoring at least threshold, or 0. */
export function detectSeasonality(series: readonly Point[], threshold: number, maxPeriod = Math.floor(series.length / 2)): number {
  const best = periodCandidates(series, 4, maxPeriod)[0];
  return best && best.score >= threshold ? best.period : 0;
}

/**
 * The seasonal component for a period: at each position, the median of the present values of the first
 * `learn` points in the same phase (position mod period); all 0 for period 0 or one not shorter than `learn`.
 */
export function seasonalComponent(series: readonly Point[], period: number, learn = series.length): number[] {
  const n = series.length;
  const seasonal = new Array<number>(n).fill(0);
  if (period > 0 && period < learn) {
    const phases: number[][] = Array.from({ length: period }, () => []);
    for (let i = 0; i < learn; i++) {
      const v = series[i];
      if (isFiniteNumber(v)) phases[i % period].push(v);
    }
    const medians = phases.map((p) => (p.length ? median(p) : 0));
    for (let i = 0; i < n; i++) seasonal[i] = medians[i % period];
  }
  return seasonal;
}

export type TrendKind = 'avg' | 'linefit' | 'none';

export interface Decomposition {
  baseline: number[];
  seasonal: number[];
  trend: number[];
  residual: Point[];
}

/**
 * series_decompose. seasonality: -1 detect (score at least seasonalityThreshold), 0 none, > 0 that period in
 * bins. The seasonal component is the median of the learning points in the same phase; the trend is fitted on
 * the deseasonalised learning points (all but the last testPoints) and extends over the test points.
 */
export function decompose(series: readonly Point[], seasonality: number, trend: TrendKind, testPoints: number, seasonalityThreshold: number): Decomposition {
  const n = series.length;
  const learn = Math.max(0, Math.min(n, n - Math.max(0, Math.trunc(testPoints))));
  const training = series.slice(0, learn);
  let period = Math.trunc(seasonality);
  if (period < 0) period = detectSeasonality(training, seasonalityThreshold, Math.floor(learn / 2));
  const seasonal = seasonalComponent(series, period, learn);
  const deseasonal: Point[] = series.map((v, i) => (isFiniteNumber(v) ? v - seasonal[i] : null));
  let trendValues: number[];
  if (trend === 'linefit') {
    const fit = fitLine(deseasonal, learn);
    trendValues = Number.isFinite(fit.slope) ? lineValues(fit, n) : new Array<number>(n).fill(0);
  } else if (trend === 'avg') {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < learn; i++) {
      const v = deseasonal[i];
      if (isFiniteNumber(v)) { sum += v; count++; }
    }
    trendValues = new Array<number>(n).fill(count ? sum / count : 0);
  } else {
    trendValues = new Array<number>(n).fill(0);
  }
  let magnitude = 0;
  for (const v of series) if (isFiniteNumber(v)) magnitude = Math.max(magnitude, Math.abs(v));
  const noise = 1e-10 * Math.max(1, magnitude);
  const baseline = seasonal.map((s, i) => s + trendValues[i]);
  const residual = series.map((v, i) => {
    if (!isFiniteNumber(v)) return null;
    const r = v - baseline[i];
    return Math.abs(r) <= noise ? 0 : r;
  });
  return { baseline, seasonal, trend: trendValues, residual };
}

export type OutlierKind = 'tukey' | 'ctukey';

/**
 * series_outliers: Tukey's fences. With the low/high percentiles (25/75 for 'tukey', by default 10/90 for
 * 'ctukey') of the present values, a value above the high one scores (v - high) / (high - low), a value
 * below the low one (v - low) / (high - low) (negative), values between them 0; so |score| > 1.5 is
 * outside Tukey's fences with k = 1.5. Missing values and `ignore` score 0. Percentiles come from the first
 * `learn` points (all by default). With high == low, values outside score +-Infinity.
 */
export function outlierScores(series: readonly Point[], kind: OutlierKind, ignore: number | null, minPct: number, maxPct: number, learn = series.length): number[] {
  const present = (v: Point): v is number => isFiniteNumber(v) && v !== ignore;
  const sample: number[] = [];
  for (let i = 0; i < learn; i++) {
    const v = series[i];
    if (present(v)) sample.push(v);
  }
  sample.sort((a, b) => a - b);
  const [pLo, pHi] = kind === 'tukey' ? [25, 75] : [minPct, maxPct];
  const low = percentileSorted(sample, pLo);
  const high = percentileSorted(sample, pHi);
  const range = high - low;
  return series.map((v) => {
    if (!present(v) || sample.length === 0) return 0;
    if (v > high) return (v - high) / range;
    if (v < low) return (v - low) / range;
    return 0;
  });
}
