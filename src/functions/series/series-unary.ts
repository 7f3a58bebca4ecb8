/**
 * series_abs, series_sign, series_floor, series_ceiling, series_exp, series_log and the trigonometric
 * series_sin/asin/cos/acos/tan/atan: a math function applied to every element of a numeric array
 * (series-abs-function.md and siblings). Non-numeric elements give null; out-of-domain values give NaN
 * (series_log(0) is -Infinity), as the scalar functions do.
 */
import { seriesUnary } from './elementwise.js';

const of = (what: string) => `Element-wise ${what} of a numeric series (non-numeric elements give null).`;

export const series_abs = seriesUnary('series_abs', of('absolute value'), Math.abs);
// Math.sign(-0) is -0: Kusto's sign is 0.
export const series_sign = seriesUnary('series_sign', of('sign (-1, 0 or 1)'), (x) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN));
export const series_floor = seriesUnary('series_floor', of('floor'), Math.floor);
export const series_ceiling = seriesUnary('series_ceiling', of('ceiling'), Math.ceil);
export const series_exp = seriesUnary('series_exp', of('exponential (e^x)'), Math.exp);
export const series_log = seriesUnary('series_log', of('natural logarithm'), Math.log);
export const series_sin = seriesUnary('series_sin', of('sine'), Math.sin);
export const series_asin = seriesUnary('series_asin', of('arcsine'), Math.asin);
export const series_cos = seriesUnary('series_cos', of('cosine'), Math.cos);
export const series_acos = seriesUnary('series_acos', of('arccosine'), Math.acos);
export const series_tan = seriesUnary('series_tan', of('tangent'), Math.tan);
export const series_atan = seriesUnary('series_atan', of('arctangent'), Math.atan);

export const SERIES_UNARY = [
  series_abs, series_sign, series_floor, series_ceiling, series_exp, series_log,
  series_sin, series_asin, series_cos, series_acos, series_tan, series_atan,
];
