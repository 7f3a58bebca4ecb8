import { defineScalar } from '../define.js';

/** abs(int) is long, as the analyzer reports. */
export const abs = defineScalar({
  name: 'abs',
  description: 'Absolute value of a number or timespan.',
  overloads: [
    { params: ['long'], result: 'long', kernel: ([x]) => Math.abs(x as number) },
    { params: ['real'], result: 'real', kernel: ([x]) => Math.abs(x as number) },
    { params: ['timespan'], result: 'timespan', kernel: ([x]) => Math.abs(x as number) },
  ],
});
