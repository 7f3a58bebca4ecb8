import { MS_PER_HOUR } from '../../runtime/datetime.js';
import { wholeMs, type TimeValue } from '../../runtime/ticks.js';
import { defineScalar } from '../define.js';
import { startOfDay, startOfWeek } from '../calendar.js';

/** Days since the preceding Sunday, as a timespan (Sunday = 0d). */
export const dayofweek = defineScalar({
  name: 'dayofweek',
  description: 'Whole days since the preceding Sunday, as a timespan.',
  overloads: [{ params: ['datetime'], result: 'timespan', kernel: ([d]) => startOfDay(d as TimeValue) - startOfWeek(d as TimeValue) }],
});

export const hourofday = defineScalar({
  name: 'hourofday',
  description: 'Hour of the day (0-23) of a datetime.',
  overloads: [{ params: ['datetime'], result: 'int', kernel: ([d]) => Math.floor((wholeMs(d as TimeValue) - startOfDay(d as TimeValue)) / MS_PER_HOUR) }],
});
