import { defineScalar } from '../define.js';

/** not(null) is null (null-values.md). */
export const not = defineScalar({
  name: 'not',
  description: 'Logical negation of a bool.',
  overloads: [{ params: ['bool'], result: 'bool', kernel: ([b]) => !b }],
});
