import { defineScalar } from '../define.js';
import { isEmptyValue } from './isempty.js';

export const isnotempty = defineScalar({
  name: 'isnotempty',
  aliases: ['notempty'],
  description: 'True if the argument is neither null nor an empty string.',
  overloads: [{ params: ['any'], result: 'bool', nulls: 'pass', kernel: ([v]) => !isEmptyValue(v) }],
});
