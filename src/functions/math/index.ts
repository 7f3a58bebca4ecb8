/** Mathematical functions: powers, logarithms, trigonometry, special functions, statistics tests, rand. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';
import { ceiling } from './ceiling.js';
import { pow } from './pow.js';
import { sqrt, log, log2, log10, exp, exp2, exp10 } from './exp_log.js';
import { pi, cos, sin, tan, acos, asin, atan, atan2, cot, degrees, radians } from './trig.js';
import { sign, isinf, isfinite } from './sign.js';
import { gamma, loggamma, erf, erfc } from './gamma_erf.js';
import { beta_cdf, beta_inv, beta_pdf, welch_test } from './beta.js';
import { rand, new_guid } from './rand.js';

export const MATH_SCALARS: ScalarFunction[] = [
  ceiling, pow, sqrt, log, log2, log10, exp, exp2, exp10,
  pi, cos, sin, tan, acos, asin, atan, atan2, cot, degrees, radians,
  sign, isinf, isfinite,
  gamma, loggamma, erf, erfc, beta_cdf, beta_inv, beta_pdf, welch_test,
  rand, new_guid,
];
