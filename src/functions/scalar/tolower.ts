import { defineScalar } from '../define.js';

export const tolower = defineScalar({
  name: 'tolower',
  description: 'Converts a string to lower case.',
  overloads: [{ params: ['text'], result: 'string', kernel: ([s]) => (s as string).toLowerCase() }],
});
