/**
 * series_add / series_subtract / series_multiply / series_divide (series-add-function.md and siblings):
 * element-wise arithmetic of two numeric arrays, or of an array and a number (applied to every element).
 * A non-numeric or missing element (arrays of different lengths) gives a null element; division is real
 * division (x / 0 is +-Infinity or NaN). The shared shape is ../series/elementwise.ts.
 */
import { seriesBinary } from '../series/elementwise.js';

const of = (verb: string) => `Element-wise ${verb} of two numeric series (or a series and a number).`;

export const series_add = seriesBinary('series_add', of('addition'), (a, b) => a + b);
export const series_subtract = seriesBinary('series_subtract', of('subtraction'), (a, b) => a - b);
export const series_multiply = seriesBinary('series_multiply', of('multiplication'), (a, b) => a * b);
export const series_divide = seriesBinary('series_divide', of('division'), (a, b) => a / b);
