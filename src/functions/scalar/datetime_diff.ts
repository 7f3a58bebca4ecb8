import { MS_PER_DAY, utcParts } from '../../runtime/datetime.js';
import { constantString, defineScalar } from '../define.js';
import { floorDiv, parsePeriod, startOfWeek, ticksOf, type Period } from '../calendar.js';
import { canonical, wrap, type Long } from '../../runtime/int64.js';

const TICKS: Partial<Record<Period, bigint>> = {
  day: 864000000000n, hour: 36000000000n, minute: 600000000n, second: 10000000n,
  millisecond: 10000n, microsecond: 10n,
};

/**
 * datetime_diff(period, a, b): how many period boundaries lie between b and a, i.e. the difference of
 * the two datetimes each truncated to the period (docs: week from 2017-09-30 to 2017-10-29 is 5 —
 * weeks start on Sunday). Positive when a is later.
 */
export function periodDiff(period: Period, a: number, b: number): Long {
  const pa = utcParts(a), pb = utcParts(b);
  switch (period) {
    case 'year': return pa.year - pb.year;
    case 'quarter': return pa.year * 4 + Math.floor((pa.month - 1) / 3) - (pb.year * 4 + Math.floor((pb.month - 1) / 3));
    case 'month': return pa.year * 12 + pa.month - (pb.year * 12 + pb.month);
    case 'week': return Math.round((startOfWeek(a) - startOfWeek(b)) / (7 * MS_PER_DAY));
    // Exact longs (src/runtime/int64.ts); nanoseconds over more than 292 years wrap around like long arithmetic.
    case 'nanosecond': return wrap((ticksOf(a) - ticksOf(b)) * 100n);
    default: {
      const unit = TICKS[period]!;
      return canonical(floorDiv(ticksOf(a), unit) - floorDiv(ticksOf(b), unit));
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
    kernel: ([p, a, b]) => periodDiff(parsePeriod(p as string)!, a as number, b as number),
  }],
});
