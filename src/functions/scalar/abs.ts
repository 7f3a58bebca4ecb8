import { defineScalar } from '../define.js';
import * as int64 from '../../runtime/int64.js';
import { absTime, type TimeValue } from '../../runtime/ticks.js';

/** abs(int) is long, as the analyzer reports. abs of a long is exact; abs(-2^63) wraps to -2^63. */
export const abs = defineScalar({
  name: 'abs',
  description: 'Absolute value of a number or timespan.',
  overloads: [
    { params: ['long'], result: 'long', exact: true, kernel: ([x]) => int64.abs(x as int64.Long) },
    { params: ['real'], result: 'real', kernel: ([x]) => Math.abs(x as number) },
    { params: ['timespan'], result: 'timespan', kernel: ([x]) => absTime(x as TimeValue) },
  ],
});
