import { valueToString } from '../../runtime/values.js';
import { defineScalar } from '../define.js';

/** tostring(x): text of any scalar; null becomes "" (strings have no null). */
export const tostring = defineScalar({
  name: 'tostring',
  description: 'Converts a value to its string representation; null becomes the empty string.',
  overloads: [{ params: ['any'], result: 'string', nulls: 'pass', kernel: ([v], _c, info) => valueToString(v, info[0].type) }],
});
