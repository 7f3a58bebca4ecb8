import { defineScalar } from '../define.js';
import { toIntegerValue } from '../convert.js';

/** tolong(x): 64-bit integer (exact to 2^53 here); datetimes and timespans give their 100 ns ticks. */
export const tolong = defineScalar({
  name: 'tolong',
  description: 'Converts a value to long; decimals truncate; datetime/timespan give ticks; failures give null.',
  overloads: [{ params: ['any'], result: 'long', kernel: ([v], _c, info) => toIntegerValue(v, info[0].type, 64) }],
});
