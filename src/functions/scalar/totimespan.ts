import { defineScalar } from '../define.js';
import { toTimespanValue } from '../convert.js';

export const totimespan = defineScalar({
  name: 'totimespan',
  description: 'Converts text to timespan (numbers are ticks); failures give null.',
  overloads: [{ params: ['any'], result: 'timespan', kernel: ([v], _c, info) => toTimespanValue(v, info[0].type) }],
});
