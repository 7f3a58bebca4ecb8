import { defineScalar } from '../define.js';
import { toDateTimeValue } from '../convert.js';

export const todatetime = defineScalar({
  name: 'todatetime',
  description: 'Converts text (or a dynamic string) to datetime; failures give null.',
  overloads: [{ params: ['any'], result: 'datetime', kernel: ([v], _c, info) => toDateTimeValue(v, info[0].type) }],
});
