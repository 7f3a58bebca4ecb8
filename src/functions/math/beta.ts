/** beta_cdf, beta_inv, beta_pdf and welch_test (numerical kernels in special.ts). */
import { defineScalar } from '../define.js';
import type { ScalarFunction } from '../registry-types.js';
import { betaCdf, betaInv, betaPdf, welchTest } from './special.js';

function real3(name: string, description: string, fn: (a: number, b: number, c: number) => number | null): ScalarFunction {
  return defineScalar({
    name,
    description,
    overloads: [{ params: ['number', 'number', 'number'], result: 'real', kernel: ([a, b, c]) => fn(a as number, b as number, c as number) }],
  });
}

export const beta_cdf = real3('beta_cdf', 'Cumulative beta distribution function at x for alpha and beta; NaN outside its domain.', betaCdf);
export const beta_inv = real3('beta_inv', 'Inverse of the cumulative beta distribution function; null for a probability outside [0, 1].', betaInv);
export const beta_pdf = real3('beta_pdf', 'Beta probability density function at x for alpha and beta; NaN outside its domain.', betaPdf);

export const welch_test = defineScalar({
  name: 'welch_test',
  description: "Welch's t-test p-value for equal means, from two samples' mean, variance and count.",
  overloads: [{
    params: ['number', 'number', 'number', 'number', 'number', 'number'],
    result: 'real',
    kernel: (a) => welchTest(...(a as [number, number, number, number, number, number])),
  }],
});
