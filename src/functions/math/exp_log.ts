/**
 * sqrt, log, log2, log10, exp, exp2, exp10. The docs give null for the square root or logarithm of a
 * negative number; the logarithm of 0 is -Infinity (IEEE) and NaN stays NaN.
 */
import { realUnary } from './unary.js';
import { powReal } from './pow.js';

const negNull = (f: (x: number) => number) => (x: number): number | null => (x < 0 ? null : f(x));

export const sqrt = realUnary('sqrt', 'Square root; null for a negative number.', negNull(Math.sqrt));
export const log = realUnary('log', 'Natural logarithm; null for a negative number.', negNull(Math.log));
export const log2 = realUnary('log2', 'Base-2 logarithm; null for a negative number.', negNull(Math.log2));
export const log10 = realUnary('log10', 'Base-10 logarithm; null for a negative number.', negNull(Math.log10));
export const exp = realUnary('exp', 'e raised to a power.', Math.exp);
export const exp2 = realUnary('exp2', '2 raised to a power.', (x) => powReal(2, x));
export const exp10 = realUnary('exp10', '10 raised to a power.', (x) => powReal(10, x));
