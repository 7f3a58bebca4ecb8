import { MS_PER_DAY, utcParts } from '../../runtime/datetime.js';
import { toTicks, type TimeValue } from '../../runtime/ticks.js';
import { constantString, defineScalar } from '../define.js';
import { FIXED_MS, parsePeriod, startOfWeek, type Period } from '../calendar.js';
import { canonical, floorDiv, isSafe, wrap, type Long } from '../../runtime/int64.js';

const TICKS: Partial<Record<Period, bigint>> = {
  day: 864000000000n, hour: 36000000000n, minute: 600000000n, second: 10000000n,
  millisecond: 10000n, microsecond: 10n,
};

/**
 * datetime_diff(period, a, b): how many period boundaries lie between b and a, i.e. the difference of
 * the two datetimes each truncated to the period (docs: week from 2017-09-30 to 2017-10-29 is 5 —
 * weeks start on Sunday). Positive when a is later. Exact: datetimes are exact ticks (src/runtime/ticks.ts),
 * and two whole-millisecond datetimes are counted in doubles while the count is a safe integer.
 */
export function periodDiff(period: Period, a: TimeValue, b: TimeValue): Long {
  switch (period) {
    case 'year': return utcParts(a).year - utcParts(b).year;
    case 'quarter': {
      const pa = utcParts(a), pb = utcParts(b);
      return pa.year * 4 + Math.floor((pa.month - 1) / 3) - (pb.year * 4 + Math.floor((pb.month - 1) / 3));
    }
    case 'month': {
      const pa = utcParts(a), pb = utcParts(b);
      return pa.year * 12 + pa.month - (pb.year * 12 + pb.month);
    }
    case 'week': return Math.round((startOfWeek(a) - startOfWeek(b)) / (7 * MS_PER_DAY));
    // Exact longs (src/runtime/int64.ts); nanoseconds over more than 292 years wrap around like long arithmetic.
    case 'nanosecond': {
      if (typeof a === 'number' && typeof b === 'number') {
        const n = (a - b) * 1_000_000;
        if (isSafe(n)) return n || 0;
      }
      return wrap((toTicks(a) - toTicks(b)) * 100n);
    }
    case 'microsecond':
      if (typeof a === 'number' && typeof b === 'number') {
        const n = (a - b) * 1000;
        if (isSafe(n)) return n || 0;
      }
      return canonical(floorDiv(toTicks(a), 10n) - floorDiv(toTicks(b), 10n));
    default: {
      if (typeof a === 'number' && typeof b === 'number') {
        const unit = FIXED_MS[period]!; // day .. millisecond: whole milliseconds
        return Math.floor(a / unit) - Math.floor(b / unit) || 0;
      }
      const unit = TICKS[period]!;
      return canonical(floorDiv(toTicks(a), unit) - floorDiv(toTicks(b), unit));
    }
  }
}

export const datetime_diff = defineScalar({
  name: 'datetime_diff',
  description: 'Number of calendar periods between two datetimes (first minus second).',
  overloads: [{
    params: ['string', 'datetime', 'datetime'], constants: [0], result: 'long', exact: true,
    check: (args) => (parsePeriod(constantString(args[0]) ?? '') ? undefined
      : { error: `'${String(args[0].constant?.value)}' is not a datetime_diff period.`, argIndex: 0 }),
    kernel: ([p, a, b]) => periodDiff(parsePeriod(p as string)!, a as TimeValue, b as TimeValue),
  }],
});
