import { defineScalar } from '../define.js';
import { toBoolValue } from '../convert.js';

/** tobool: "true"/"false" in any case, numbers (non-zero is true); anything else null. */
export const tobool = defineScalar({
  name: 'tobool',
  aliases: ['toboolean'],
  description: 'Converts a value to bool; failures give null.',
  overloads: [{ params: ['any'], result: 'bool', kernel: ([v], _c, info) => toBoolValue(v, info[0].type) }],
});
