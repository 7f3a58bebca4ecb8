import { defineScalar } from '../define.js';
import { toRealValue } from '../convert.js';

export const toreal = defineScalar({
  name: 'toreal',
  aliases: ['todouble'],
  description: 'Converts a value to real (double); failures give null.',
  overloads: [{ params: ['any'], result: 'real', kernel: ([v], _c, info) => toRealValue(v, info[0].type) }],
});
