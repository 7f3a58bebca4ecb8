import { MS_PER_DAY } from '../../runtime/datetime.js';
import type { TimeValue } from '../../runtime/ticks.js';
import { defineScalar } from '../define.js';
import { lastTickBefore, nullIfOutOfRange, startOfDay, startOfMonth, startOfWeek, startOfYear } from '../calendar.js';

type Off = number | undefined;
const sig = (kernel: (d: TimeValue, off: number) => TimeValue) => [{
  params: ['datetime', 'integer'] as ('datetime' | 'integer')[], optional: 1, result: 'datetime' as const,
  kernel: ([d, off]: unknown[]) => nullIfOutOfRange(kernel(d as TimeValue, (off as Off) ?? 0)),
}];

/** Weeks start on Sunday. */
export const startofweek = defineScalar({
  name: 'startofweek', description: 'Start of the week (Sunday) of a datetime, optionally shifted by weeks.',
  overloads: sig((d, off) => startOfWeek(d) + off * 7 * MS_PER_DAY),
});
export const startofmonth = defineScalar({
  name: 'startofmonth', description: 'Start of the month of a datetime, optionally shifted by months.',
  overloads: sig((d, off) => startOfMonth(d, off)),
});
export const startofyear = defineScalar({
  name: 'startofyear', description: 'Start of the year of a datetime, optionally shifted by years.',
  overloads: sig((d, off) => startOfYear(d, off)),
});
/** The last tick of the day: 23:59:59.9999999, exactly (a bigint of ticks, src/runtime/ticks.ts). */
export const endofday = defineScalar({
  name: 'endofday', description: 'End of the day of a datetime, optionally shifted by days.',
  overloads: sig((d, off) => lastTickBefore(startOfDay(d) + (off + 1) * MS_PER_DAY)),
});

/** The last tick of the week (Saturday 23:59:59.9999999). */
export const endofweek = defineScalar({
  name: 'endofweek', description: 'End of the week (Saturday, last tick) of a datetime, optionally shifted by weeks.',
  overloads: sig((d, off) => lastTickBefore(startOfWeek(d) + (off + 1) * 7 * MS_PER_DAY)),
});
export const endofmonth = defineScalar({
  name: 'endofmonth', description: 'End of the month (last tick) of a datetime, optionally shifted by months.',
  overloads: sig((d, off) => lastTickBefore(startOfMonth(d, off + 1))),
});
export const endofyear = defineScalar({
  name: 'endofyear', description: 'End of the year (last tick) of a datetime, optionally shifted by years.',
  overloads: sig((d, off) => lastTickBefore(startOfYear(d, off + 1))),
});
