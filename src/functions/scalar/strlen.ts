import { defineScalar } from '../define.js';

/** Length in Unicode characters (code points), so a surrogate pair counts once. */
export const strlen = defineScalar({
  name: 'strlen',
  description: 'Returns the number of characters in a string.',
  overloads: [{ params: ['str'], result: 'long', kernel: ([s]) => [...(s as string)].length }],
});
