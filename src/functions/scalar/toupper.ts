import { defineScalar } from '../define.js';

export const toupper = defineScalar({
  name: 'toupper',
  description: 'Converts a string to upper case.',
  overloads: [{ params: ['text'], result: 'string', kernel: ([s]) => (s as string).toUpperCase() }],
});
