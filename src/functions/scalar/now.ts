import { addTime, type TimeValue } from '../../runtime/ticks.js';
import { defineScalar } from '../define.js';
import { nullIfOutOfRange } from '../calendar.js';

/** now([offset]): the query start time (ctx.now), plus an optional timespan offset. */
export const now = defineScalar({
  name: 'now',
  description: 'The query start time, optionally offset by a timespan.',
  overloads: [
    { params: [], result: 'datetime', kernel: (_a, ctx) => ctx.now },
    { params: ['timespan'], result: 'datetime', kernel: ([t], ctx) => nullIfOutOfRange(addTime(ctx.now, t as TimeValue)) },
  ],
});
