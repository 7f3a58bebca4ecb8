import { addTicks, addTime, type TimeValue } from '../../runtime/ticks.js';
import { constantString, defineScalar } from '../define.js';
import { FIXED_MS, addMonths, nullIfOutOfRange, parsePeriod } from '../calendar.js';

/**
 * datetime_add(period, amount, dt): months and years clamp the day to the month's end (Jan 31 + 1 month = Feb
 * 28/29). Exact to the tick: a microsecond is 10 ticks; nanoseconds count in whole ticks (100 ns), truncated
 * toward zero (UNCERTAIN: a tick is Kusto's resolution, the docs show no sub-tick example).
 */
export const datetime_add = defineScalar({
  name: 'datetime_add',
  description: 'Adds an integer number of calendar periods to a datetime.',
  overloads: [{
    params: ['string', 'integer', 'datetime'], constants: [0], result: 'datetime',
    check: (args) => (parsePeriod(constantString(args[0]) ?? '') ? undefined
      : { error: `'${String(args[0].constant?.value)}' is not a datetime_add period.`, argIndex: 0 }),
    kernel: ([p, n, dt]) => {
      const period = parsePeriod(p as string)!, amount = n as number, v = dt as TimeValue;
      if (period === 'year') return nullIfOutOfRange(addMonths(v, amount * 12));
      if (period === 'quarter') return nullIfOutOfRange(addMonths(v, amount * 3));
      if (period === 'month') return nullIfOutOfRange(addMonths(v, amount));
      if (period === 'microsecond') return nullIfOutOfRange(addTicks(v, amount * 10));
      if (period === 'nanosecond') return nullIfOutOfRange(addTicks(v, Math.trunc(amount / 100)));
      const ms = amount * FIXED_MS[period]!;
      return Number.isFinite(ms) ? nullIfOutOfRange(addTime(v, ms)) : null;
    },
  }],
});
