import { MS_PER_DAY } from '../../runtime/datetime.js';
import type { TimeValue } from '../../runtime/ticks.js';
import { defineScalar } from '../define.js';
import { nullIfOutOfRange, startOfDay } from '../calendar.js';

export const startofday = defineScalar({
  name: 'startofday',
  description: 'Start of the day of a datetime, optionally shifted by a number of days.',
  overloads: [{
    params: ['datetime', 'integer'], optional: 1, result: 'datetime',
    kernel: ([d, off]) => nullIfOutOfRange(startOfDay(d as TimeValue) + ((off as number | undefined) ?? 0) * MS_PER_DAY),
  }],
});
