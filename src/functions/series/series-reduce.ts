/**
 * Reductions of numeric series to one real: series_sum, series_product, series_magnitude, series_dot_product,
 * series_cosine_similarity, series_pearson_correlation (series-sum-function.md and siblings).
 * - sum / product / magnitude ignore non-numeric elements (an empty sum is 0, an empty product 1).
 * - dot_product and cosine_similarity truncate the longer series to the shorter one's length and skip the
 *   positions where either element is not numeric; dot_product also takes a number on either side.
 * - pearson_correlation is null when the series differ in length or hold a non-numeric element.
 */
import { defineScalar, type Overload } from '../define.js';
import { numericElement } from './elementwise.js';

function reduction(name: string, description: string, fn: (xs: number[]) => number) {
  return defineScalar({
    name,
    description,
    overloads: [{
      params: ['dynamic'],
      result: 'real',
      nulls: 'pass',
      kernel([v]) {
        if (!Array.isArray(v)) return null;
        const xs: number[] = [];
        for (const e of v) {
          const x = numericElement(e);
          if (x !== null) xs.push(x);
        }
        return fn(xs);
      },
    }],
  });
}

export const series_sum = reduction('series_sum', 'The sum of the numeric elements of a series (a real).', (xs) => {
  let s = 0;
  for (const x of xs) s += x;
  return s;
});

export const series_product = reduction('series_product', 'The product of the numeric elements of a series (a real).', (xs) => {
  let p = 1;
  for (const x of xs) p *= x;
  return p;
});

export const series_magnitude = reduction('series_magnitude', 'The magnitude (Euclidean norm: square root of the sum of squares) of a numeric series.', (xs) => {
  let s = 0;
  for (const x of xs) s += x * x;
  return Math.sqrt(s);
});

/** The numeric pairs at the same positions, over the shorter length (a number pairs with every element). */
function pairs(x: unknown, y: unknown): [number[], number[]] | undefined {
  const a = Array.isArray(x) ? x : numericElement(x);
  const b = Array.isArray(y) ? y : numericElement(y);
  if (a === null || b === null) return undefined;
  const length = Math.min(Array.isArray(a) ? a.length : Infinity, Array.isArray(b) ? b.length : Infinity);
  if (!Number.isFinite(length)) return undefined;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < length; i++) {
    const l = typeof a === 'number' ? a : numericElement(a[i]);
    const r = typeof b === 'number' ? b : numericElement(b[i]);
    if (l !== null && r !== null) { xs.push(l); ys.push(r); }
  }
  return [xs, ys];
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

const dotKernel: Overload['kernel'] = ([x, y]) => {
  const p = pairs(x, y);
  return p ? dot(p[0], p[1]) : null;
};

export const series_dot_product = defineScalar({
  name: 'series_dot_product',
  description: 'The dot product of two numeric series (or a series and a number): the sum of the element-wise products.',
  overloads: [
    { params: ['dynamic', 'dynamic'], result: 'real', nulls: 'pass', kernel: dotKernel },
    { params: ['dynamic', 'number'], result: 'real', nulls: 'pass', kernel: dotKernel },
    { params: ['number', 'dynamic'], result: 'real', nulls: 'pass', kernel: dotKernel },
  ],
});

export const series_cosine_similarity = defineScalar({
  name: 'series_cosine_similarity',
  description: 'The cosine similarity of two numeric series: their dot product divided by the product of their magnitudes (optionally given).',
  overloads: [{
    params: ['dynamic', 'dynamic', 'real', 'real'],
    optional: 2,
    result: 'real',
    nulls: 'pass',
    kernel([x, y, m1, m2]) {
      if (!Array.isArray(x) || !Array.isArray(y)) return null;
      const p = pairs(x, y);
      if (!p) return null;
      const [a, b] = p;
      const ma = typeof m1 === 'number' ? m1 : Math.sqrt(dot(a, a));
      const mb = typeof m2 === 'number' ? m2 : Math.sqrt(dot(b, b));
      return dot(a, b) / (ma * mb);
    },
  }],
});

export const series_pearson_correlation = defineScalar({
  name: 'series_pearson_correlation',
  description: 'The Pearson correlation coefficient of two numeric series of the same length (null when a value is missing).',
  overloads: [{
    params: ['dynamic', 'dynamic'],
    result: 'real',
    nulls: 'pass',
    kernel([x, y]) {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length || x.length === 0) return null;
      const n = x.length;
      const a: number[] = new Array(n);
      const b: number[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const l = numericElement(x[i]);
        const r = numericElement(y[i]);
        if (l === null || r === null) return null;
        a[i] = l;
        b[i] = r;
      }
      let ma = 0;
      let mb = 0;
      for (let i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
      ma /= n;
      mb /= n;
      let sab = 0;
      let saa = 0;
      let sbb = 0;
      for (let i = 0; i < n; i++) {
        const da = a[i] - ma;
        const db = b[i] - mb;
        sab += da * db;
        saa += da * da;
        sbb += db * db;
      }
      return sab / Math.sqrt(saa * sbb);
    },
  }],
});

export const SERIES_REDUCE = [
  series_sum, series_product, series_magnitude, series_dot_product, series_cosine_similarity, series_pearson_correlation,
];
