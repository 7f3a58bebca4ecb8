import { subTime, type TimeValue } from '../../runtime/ticks.js';
import { defineScalar } from '../define.js';
import { nullIfOutOfRange } from '../calendar.js';

/** ago(t) = now() - t, reading the query's single clock (ctx.now). */
export const ago = defineScalar({
  name: 'ago',
  description: 'Subtracts a timespan from the query start time.',
  overloads: [{ params: ['timespan'], result: 'datetime', kernel: ([t], ctx) => nullIfOutOfRange(subTime(ctx.now, t as TimeValue)) }],
});
