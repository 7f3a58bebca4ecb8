import { defineScalar } from '../define.js';

/** Any argument that is not an array makes the result null. */
export const array_concat = defineScalar({
  name: 'array_concat',
  description: 'Concatenates dynamic arrays into one array.',
  overloads: [{
    params: ['dynamic'], rest: 'dynamic', result: 'dynamic',
    kernel: (vs) => (vs.every(Array.isArray) ? (vs as unknown[][]).flat(1) : null),
  }],
});
