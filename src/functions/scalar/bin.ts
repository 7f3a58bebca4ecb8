import { MIN_DATETIME_MS } from '../../runtime/datetime.js';
import { floorTime, type TimeValue } from '../../runtime/ticks.js';
import { defineScalar } from '../define.js';
import { nullIfOutOfRange } from '../calendar.js';
import { floorDiv, isSafe, toBigInt, wrap, type Long } from '../../runtime/int64.js';

/** Null, zero or negative bin sizes give null (bin-function.md). */
function floorTo(v: number, size: number, origin = 0): number | null {
  if (!(size > 0)) return null;
  return Math.floor((v - origin) / size) * size + origin;
}

/** bin over longs, exact (src/runtime/int64.ts): in doubles while everything is a safe integer, else in BigInt. */
function floorLong(v: Long, size: Long): Long | null {
  if (!(size > 0)) return null;
  if (typeof v === 'number' && typeof size === 'number') {
    const r = Math.floor(v / size) * size; // exact for safe operands (the quotient cannot round across an integer)
    if (isSafe(r)) return r || 0;
  }
  const s = toBigInt(size);
  return wrap(floorDiv(toBigInt(v), s) * s);
}

/**
 * bin(value, size) rounds down to a multiple of size; floor() is the same function.
 * Datetimes are binned from Kusto's tick origin 0001-01-01 (Kusto bins the tick count), not the Unix
 * epoch: both agree for bins that divide a day, but 7d bins start on Mondays (0001-01-01 was a Monday).
 * Datetimes and timespans are binned exactly to the tick (src/runtime/ticks.ts).
 */
export const bin = defineScalar({
  name: 'bin',
  aliases: ['floor'],
  description: 'Rounds a number, datetime or timespan down to a multiple of the bin size.',
  overloads: [
    { params: ['long', 'long'], result: 'long', exact: true, kernel: ([v, s]) => floorLong(v as Long, s as Long) },
    { params: ['real', 'real'], result: 'real', kernel: ([v, s]) => floorTo(v as number, s as number) },
    {
      params: ['datetime', 'timespan'], result: 'datetime',
      kernel: ([v, s]) => nullIfOutOfRange(floorTime(v as TimeValue, s as TimeValue, MIN_DATETIME_MS)),
    },
    { params: ['timespan', 'timespan'], result: 'timespan', kernel: ([v, s]) => floorTime(v as TimeValue, s as TimeValue) },
  ],
});
