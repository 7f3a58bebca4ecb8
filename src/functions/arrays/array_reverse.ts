import { defineScalar } from '../define.js';

/** array_reverse(array) (array-reverse-function.md): the elements in reverse order; not an array -> null. */
export const array_reverse = defineScalar({
  name: 'array_reverse',
  description: 'The elements of a dynamic array in reverse order.',
  overloads: [{
    params: ['dynamic'], result: 'dynamic',
    kernel: ([a]) => (Array.isArray(a) ? a.slice().reverse() : null),
  }],
});
