/**
 * Least-squares polynomial regression (series_fit_poly, series-fit-poly-function.md). x is centred and scaled
 * to [-1, 1] before the fit (Householder QR of the Vandermonde matrix), and the coefficients are expanded back
 * to powers of the original x, highest power first.
 */
import { ErrorCodes, KqlRuntimeError } from '../../errors/index.js';

export interface PolyFit {
  /** Highest power first. */
  coefficients: number[];
  rsquare: number;
  variance: number;
  rvariance: number;
  /** The fitted polynomial at x (evaluated on the scaled x, more precise than the expanded coefficients). */
  at(x: number): number;
}

/** Most degree series_fit_poly fits; higher degrees give nulls. */
export const MAX_POLY_DEGREE = 32;

/** Most Vandermonde matrix entries (points times degree + 1) one fit may hold: 160 MB of doubles. */
export const MAX_POLY_ENTRIES = 20_000_000;

/** Least squares of A c = b (A: m x k as k columns, m >= k; both overwritten); undefined when rank-deficient. */
function leastSquares(cols: Float64Array[], y: Float64Array): Float64Array | undefined {
  const k = cols.length;
  const m = y.length;
  const diag = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const col = cols[j];
    let norm = 0;
    for (let i = j; i < m; i++) norm += col[i] * col[i];
    norm = Math.sqrt(norm);
    if (norm === 0) return undefined;
    const alpha = col[j] > 0 ? -norm : norm;
    const v0 = col[j] - alpha;
    // Householder vector v = (v0, col[j+1..]); H = I - 2 v v^T / (v^T v).
    let vv = v0 * v0;
    for (let i = j + 1; i < m; i++) vv += col[i] * col[i];
    const apply = (t: Float64Array) => {
      let d = v0 * t[j];
      for (let i = j + 1; i < m; i++) d += col[i] * t[i];
      const f = (2 * d) / vv;
      t[j] -= f * v0;
      for (let i = j + 1; i < m; i++) t[i] -= f * col[i];
    };
    if (vv > 0) {
      for (let c = j + 1; c < k; c++) apply(cols[c]);
      apply(y);
    }
    diag[j] = alpha;
    if (Math.abs(alpha) < 1e-12 * Math.max(1, norm)) return undefined;
  }
  const c = new Float64Array(k);
  for (let j = k - 1; j >= 0; j--) {
    let s = y[j];
    for (let t = j + 1; t < k; t++) s -= cols[t][j] * c[t];
    c[j] = s / diag[j];
  }
  return c;
}

/** Fits y ~ x with the given degree over the pairs given; undefined when there are too few points. */
export function fitPoly(xs: readonly number[], ys: readonly number[], degree: number): PolyFit | undefined {
  const m = xs.length;
  if (m < degree + 1) return undefined;
  if (m * (degree + 1) > MAX_POLY_ENTRIES) {
    throw new KqlRuntimeError(ErrorCodes.RUN_LIMIT_EXCEEDED, `series_fit_poly() of degree ${degree} on ${m} points needs ${m * (degree + 1)} matrix entries (at most ${MAX_POLY_ENTRIES})`);
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
  const mu = (lo + hi) / 2;
  const s = hi > lo ? (hi - lo) / 2 : 1;
  const t = xs.map((x) => (x - mu) / s);
  const a: Float64Array[] = [];
  for (let j = 0; j <= degree; j++) a.push(Float64Array.from(t, (v) => v ** j));
  const c = leastSquares(a, Float64Array.from(ys));
  if (!c) return undefined;
  // p(x) = sum_j c_j ((x - mu) / s)^j expanded: coefficient of x^i is sum_{j >= i} c_j C(j, i) (-mu)^(j-i) / s^j.
  const power = new Array<number>(degree + 1).fill(0);
  for (let j = 0; j <= degree; j++) {
    let binom = 1; // C(j, i), from i = 0
    for (let i = 0; i <= j; i++) {
      power[i] += (c[j] * binom * (-mu) ** (j - i)) / s ** j;
      binom = (binom * (j - i)) / (i + 1);
    }
  }
  let mean = 0;
  for (const y of ys) mean += y;
  mean /= m;
  let sst = 0;
  let rss = 0;
  for (let i = 0; i < m; i++) {
    let fit = 0;
    for (let j = degree; j >= 0; j--) fit = fit * t[i] + c[j];
    sst += (ys[i] - mean) ** 2;
    rss += (ys[i] - fit) ** 2;
  }
  const dof = m - 1;
  return {
    coefficients: power.reverse(),
    rsquare: sst === 0 ? (rss <= 1e-20 ? 1 : 0) : 1 - rss / sst,
    variance: dof > 0 ? sst / dof : 0,
    rvariance: dof > 0 ? rss / dof : 0,
    at(x: number): number {
      const u = (x - mu) / s;
      let v = 0;
      for (let j = degree; j >= 0; j--) v = v * u + c[j];
      return v;
    },
  };
}
