import { defineScalar } from '../define.js';
import { toIntegerValue } from '../convert.js';

/** toint(x): 32-bit integer; reals truncate toward zero, bad or out-of-range input gives null. */
export const toint = defineScalar({
  name: 'toint',
  description: 'Converts a value to int (signed 32-bit); decimals truncate; failures give null.',
  overloads: [{ params: ['any'], result: 'int', exact: true, kernel: ([v], _c, info) => toIntegerValue(v, info[0].type, 32) }],
});
