/**
 * series_pow and the element-wise comparisons series_greater, series_greater_equals, series_less,
 * series_less_equals, series_equals, series_not_equals (series-pow-function.md, series-greater-function.md and
 * siblings): two numeric arrays, or an array and a number. Comparisons give booleans; a non-numeric or missing
 * element gives null.
 */
import { seriesBinary } from './elementwise.js';

const cmp = (what: string) => `Element-wise '${what}' comparison of two numeric series (or a series and a number): an array of booleans.`;

export const series_pow = seriesBinary('series_pow', 'Element-wise power of two numeric series: series1 raised to series2 (either may be a number).', Math.pow);
export const series_greater = seriesBinary('series_greater', cmp('>'), (a, b) => a > b);
export const series_greater_equals = seriesBinary('series_greater_equals', cmp('>='), (a, b) => a >= b);
export const series_less = seriesBinary('series_less', cmp('<'), (a, b) => a < b);
export const series_less_equals = seriesBinary('series_less_equals', cmp('<='), (a, b) => a <= b);
export const series_equals = seriesBinary('series_equals', cmp('=='), (a, b) => a === b);
export const series_not_equals = seriesBinary('series_not_equals', cmp('!='), (a, b) => a !== b);

export const SERIES_COMPARE = [
  series_pow, series_greater, series_greater_equals, series_less, series_less_equals, series_equals, series_not_equals,
];
