import { floorTime, type TimeValue } from '../../runtime/ticks.js';
import { floorDiv, isSafe, toBigInt, wrap, type Long } from '../../runtime/int64.js';
import { nullIfOutOfRange } from '../calendar.js';
import { defineScalar } from '../define.js';

/** floor((v - at) / size) * size + at over longs, exact: doubles while everything is a safe integer, else BigInt. */
function binAtLong(v: Long, size: Long, at: Long): Long | null {
  if (!(size > 0)) return null; // a bigint compares with 0 by value
  if (typeof v === 'number' && typeof size === 'number' && typeof at === 'number') {
    const d = v - at;
    if (isSafe(d)) {
      const r = Math.floor(d / size) * size + at; // exact for safe operands, as in bin()
      if (isSafe(r)) return r || 0;
    }
  }
  const s = toBigInt(size), a = toBigInt(at);
  return wrap(floorDiv(toBigInt(v) - a, s) * s + a);
}

function binAtReal(v: number, size: number, at: number): number | null {
  if (!(size > 0)) return null;
  return Math.floor((v - at) / size) * size + at;
}

/**
 * bin_at(value, bin_size, fixed_point) (bin-at-function.md): bin() with the bins aligned to fixed_point instead
 * of 0 (or 0001-01-01 for datetimes). Datetimes and timespans are binned exactly to the tick. A bin size that
 * is not positive gives null, as bin() does.
 */
export const bin_at = defineScalar({
  name: 'bin_at',
  description: 'Rounds a number, datetime or timespan down to a multiple of the bin size, with bins aligned to a fixed point.',
  overloads: [
    { params: ['long', 'long', 'long'], result: 'long', exact: true, kernel: ([v, s, a]) => binAtLong(v as Long, s as Long, a as Long) },
    { params: ['real', 'real', 'real'], result: 'real', kernel: ([v, s, a]) => binAtReal(v as number, s as number, a as number) },
    { params: ['decimal', 'decimal', 'decimal'], result: 'decimal', kernel: ([v, s, a]) => binAtReal(v as number, s as number, a as number) },
    {
      params: ['datetime', 'timespan', 'datetime'], result: 'datetime',
      kernel: ([v, s, a]) => nullIfOutOfRange(floorTime(v as TimeValue, s as TimeValue, a as TimeValue)),
    },
    { params: ['timespan', 'timespan', 'timespan'], result: 'timespan', kernel: ([v, s, a]) => floorTime(v as TimeValue, s as TimeValue, a as TimeValue) },
  ],
});
