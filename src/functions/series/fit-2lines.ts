/**
 * Two-segment linear regression (series_fit_2lines, series-fit-2lines-function.md): every split of the series
 * into a left part [0, split_idx) and a right part [split_idx, n) with at least two points each is tried, each
 * part gets its own series_fit_line (its x starts at 1 again, as series_shapes_fl in the docs' functions
 * library reads it: the left line ends at x = split_idx, the right one starts at x = 1), and the split with the
 * highest total r-square (1 - (left + right residual sum of squares) / total sum of squares) wins; ties keep
 * the first. Candidate splits are scored in O(1) each from prefix sums; the winner is refitted exactly.
 */
import { fitLine, isFiniteNumber, type LineFit, type Point } from './series-math.js';

export interface TwoLines {
  rsquare: number;
  split_idx: number;
  variance: number;
  rvariance: number;
  line_fit: number[];
  left: LineFit;
  right: LineFit;
}

/** Residual sum of squares of the least-squares line through the points of [lo, hi) (global x = index + 1). */
function rssFromSums(c: number, sx: number, sy: number, sxx: number, sxy: number, syy: number): number {
  if (c < 2) return 0;
  const vxx = sxx - (sx * sx) / c;
  const vxy = sxy - (sx * sy) / c;
  const vyy = syy - (sy * sy) / c;
  const r = vxx > 0 ? vyy - (vxy * vxy) / vxx : vyy;
  return r > 0 ? r : 0;
}

export function fitTwoLines(series: readonly Point[]): TwoLines | undefined {
  const n = series.length;
  let mean = 0;
  let count = 0;
  for (const v of series) if (isFiniteNumber(v)) { mean += v; count++; }
  if (count === 0) return undefined;
  mean /= count;
  // Prefix sums of count, x, y, x^2, xy, y^2 over the finite points (y centred on the mean for precision).
  const P = Array.from({ length: 6 }, () => new Float64Array(n + 1));
  for (let i = 0; i < n; i++) {
    const v = series[i];
    const ok = isFiniteNumber(v);
    const x = i + 1;
    const y = ok ? v - mean : 0;
    const w = ok ? 1 : 0;
    P[0][i + 1] = P[0][i] + w;
    P[1][i + 1] = P[1][i] + w * x;
    P[2][i + 1] = P[2][i] + y;
    P[3][i + 1] = P[3][i] + w * x * x;
    P[4][i + 1] = P[4][i] + w * x * y;
    P[5][i + 1] = P[5][i] + y * y;
  }
  const range = (lo: number, hi: number): number[] => P.map((p) => p[hi] - p[lo]);
  const sst = P[5][n] - (P[2][n] * P[2][n]) / count;
  let best = -1;
  let bestRss = Infinity;
  for (let k = 2; k <= n - 2; k++) {
    const l = range(0, k);
    const r = range(k, n);
    if (l[0] < 2 || r[0] < 2) continue;
    const rss = rssFromSums(l[0], l[1], l[2], l[3], l[4], l[5]) + rssFromSums(r[0], r[1], r[2], r[3], r[4], r[5]);
    if (rss < bestRss - 1e-12 * Math.max(1, Math.abs(sst))) { bestRss = rss; best = k; }
  }
  if (best < 0) return undefined;
  const left = fitLine(series.slice(0, best));
  const right = fitLine(series.slice(best));
  const lineFit = new Array<number>(n);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const fit = i < best ? left.slope * (i + 1) + left.interception : right.slope * (i - best + 1) + right.interception;
    lineFit[i] = fit;
    const v = series[i];
    if (isFiniteNumber(v)) rss += (v - fit) * (v - fit);
  }
  const total = fitLine(series);
  return {
    rsquare: sst > 0 ? 1 - rss / sst : rss === 0 ? 1 : 0,
    split_idx: best,
    variance: total.variance,
    rvariance: count > 1 ? rss / (count - 1) : 0,
    line_fit: lineFit,
    left,
    right,
  };
}
