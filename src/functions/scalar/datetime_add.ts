import { constantString, defineScalar } from '../define.js';
import { FIXED_MS, addMonths, nullIfOutOfRange, parsePeriod } from '../calendar.js';

/** datetime_add(period, amount, dt): months and years clamp the day to the month's end (Jan 31 + 1 month = Feb 28/29). */
export const datetime_add = defineScalar({
  name: 'datetime_add',
  description: 'Adds an integer number of calendar periods to a datetime.',
  overloads: [{
    params: ['string', 'integer', 'datetime'], constants: [0], result: 'datetime',
    check: (args) => (parsePeriod(constantString(args[0]) ?? '') ? undefined
      : { error: `'${String(args[0].constant?.value)}' is not a datetime_add period.`, argIndex: 0 }),
    kernel: ([p, n, dt]) => {
      const period = parsePeriod(p as string)!, amount = n as number, ms = dt as number;
      if (period === 'year') return nullIfOutOfRange(addMonths(ms, amount * 12));
      if (period === 'quarter') return nullIfOutOfRange(addMonths(ms, amount * 3));
      if (period === 'month') return nullIfOutOfRange(addMonths(ms, amount));
      return nullIfOutOfRange(ms + amount * FIXED_MS[period]!);
    },
  }],
});
