import { MS_PER_HOUR } from '../../runtime/datetime.js';
import { defineScalar } from '../define.js';
import { startOfDay, startOfWeek } from '../calendar.js';

/** Days since the preceding Sunday, as a timespan (Sunday = 0d). */
export const dayofweek = defineScalar({
  name: 'dayofweek',
  description: 'Whole days since the preceding Sunday, as a timespan.',
  overloads: [{ params: ['datetime'], result: 'timespan', kernel: ([d]) => startOfDay(d as number) - startOfWeek(d as number) }],
});

export const hourofday = defineScalar({
  name: 'hourofday',
  description: 'Hour of the day (0-23) of a datetime.',
  overloads: [{ params: ['datetime'], result: 'int', kernel: ([d]) => Math.floor(((d as number) - startOfDay(d as number)) / MS_PER_HOUR) }],
});
