/** gamma, loggamma, erf, erfc (numerical kernels in special.ts). */
import { realUnary } from './unary.js';
import { erfcFn, erfFn, gammaFn, logGammaFn } from './special.js';

export const gamma = realUnary('gamma', 'The gamma function (gamma(n) = (n-1)! for a positive integer n).', gammaFn);
export const loggamma = realUnary('loggamma', 'Natural logarithm of the absolute value of the gamma function.', logGammaFn);
export const erf = realUnary('erf', 'The error function.', erfFn);
export const erfc = realUnary('erfc', 'The complementary error function, 1 - erf(x).', erfcFn);
