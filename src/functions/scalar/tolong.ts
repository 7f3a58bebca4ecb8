import { defineScalar } from '../define.js';
import { toIntegerValue } from '../convert.js';

/**
 * tolong(x): an exact signed 64-bit integer (src/runtime/int64.ts): integer text is read exactly
 * (`tolong("9223372036854775807")`), text or reals outside int64 give null; datetimes and timespans give their
 * 100 ns ticks.
 */
export const tolong = defineScalar({
  name: 'tolong',
  description: 'Converts a value to long (exact 64-bit); decimals truncate; datetime/timespan give ticks; failures and values outside int64 give null.',
  overloads: [{ params: ['any'], result: 'long', exact: true, kernel: ([v], _c, info) => toIntegerValue(v, info[0].type, 64) }],
});
