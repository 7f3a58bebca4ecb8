import { defineScalar } from '../define.js';

export const isnan = defineScalar({
  name: 'isnan',
  description: 'True if a real is NaN.',
  overloads: [{ params: ['real'], result: 'bool', kernel: ([x]) => Number.isNaN(x) }],
});
