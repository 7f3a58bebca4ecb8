/**
 * series_fir(series, filter [, normalize, center]) and series_iir(series, numerators, denominators)
 * (series-fir-function.md, series-iir-function.md).
 * - FIR: y[i] = sum_j filter[j] * x[i - j], points before the start count as 0. normalize (default: true
 *   unless a coefficient is negative) divides by the sum of the coefficients; asking to normalize a filter with
 *   a negative coefficient, or whose coefficients sum to 0, gives null. center shifts the output back by
 *   floor((m - 1) / 2) for a filter of m coefficients (points past the end count as 0), so a symmetric filter
 *   keeps peaks in place.
 * - IIR: y[i] = (sum_k b[k] x[i - k] - sum_{k >= 1} a[k] y[i - k]) / a[0] (b: numerators, a: denominators);
 *   a[0] = 0 gives null.
 * Missing or non-numeric elements of the series count as 0; a non-numeric coefficient makes the result null.
 */
import { ErrorCodes, KqlRuntimeError } from '../../errors/index.js';
import { defineScalar } from '../define.js';
import { numericElement } from './elementwise.js';

function coefficients(v: unknown): number[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: number[] = [];
  for (const e of v) {
    const x = numericElement(e);
    if (x === null) return undefined;
    out.push(x);
  }
  return out;
}

/** Most multiply-adds one call may do (series length times coefficients), so a huge filter cannot hang a run. */
export const MAX_FILTER_WORK = 100_000_000;

function checkWork(fn: string, n: number, m: number): void {
  if (n * m > MAX_FILTER_WORK) {
    throw new KqlRuntimeError(ErrorCodes.RUN_LIMIT_EXCEEDED, `${fn}() would do ${n * m} multiply-adds (a series of ${n} points and ${m} coefficients; at most ${MAX_FILTER_WORK})`);
  }
}

function signal(v: unknown[]): number[] {
  return v.map((e) => numericElement(e) ?? 0);
}

export const series_fir = defineScalar({
  name: 'series_fir',
  description: 'Applies a Finite Impulse Response filter (e.g. a moving average) to a numeric series; optionally normalized and centered.',
  overloads: [{
    params: ['dynamic', 'dynamic', 'bool', 'bool'],
    optional: 2,
    result: 'dynamic',
    nulls: 'pass',
    kernel([v, f, normalize, center]) {
      if (!Array.isArray(v)) return null;
      const filter = coefficients(f);
      if (!filter || filter.length === 0) return null;
      const negative = filter.some((c) => c < 0);
      const norm = typeof normalize === 'boolean' ? normalize : !negative;
      let scale = 1;
      if (norm) {
        const sum = filter.reduce((a, b) => a + b, 0);
        if (negative || sum === 0) return null;
        scale = sum;
      }
      const x = signal(v);
      const n = x.length;
      const m = filter.length;
      checkWork('series_fir', n, m);
      const shift = center === true ? Math.floor((m - 1) / 2) : 0;
      const out = new Array<number>(n);
      for (let i = 0; i < n; i++) {
        const t = i + shift;
        let s = 0;
        for (let j = 0; j < m; j++) {
          const k = t - j;
          if (k >= 0 && k < n) s += filter[j] * x[k];
        }
        out[i] = s / scale;
      }
      return out;
    },
  }],
});

export const series_iir = defineScalar({
  name: 'series_iir',
  description: 'Applies an Infinite Impulse Response filter (numerator and denominator coefficients) to a numeric series, e.g. a cumulative sum.',
  overloads: [{
    params: ['dynamic', 'dynamic', 'dynamic'],
    result: 'dynamic',
    nulls: 'pass',
    kernel([v, num, den]) {
      if (!Array.isArray(v)) return null;
      const b = coefficients(num);
      const a = coefficients(den);
      if (!b || !a || b.length === 0 || a.length === 0 || a[0] === 0) return null;
      const x = signal(v);
      const n = x.length;
      checkWork('series_iir', n, a.length + b.length);
      const y = new Array<number>(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let k = 0; k < b.length && k <= i; k++) s += b[k] * x[i - k];
        for (let k = 1; k < a.length && k <= i; k++) s -= a[k] * y[i - k];
        y[i] = s / a[0];
      }
      return y;
    },
  }],
});
