import { defineScalar } from '../define.js';

/** Not an array (including a dynamic string) -> null. */
export const array_length = defineScalar({
  name: 'array_length',
  aliases: ['arraylength'],
  description: 'Returns the number of elements of a dynamic array, or null when it is not an array.',
  overloads: [{ params: ['dynamic'], result: 'long', kernel: ([v]) => (Array.isArray(v) ? v.length : null) }],
});
