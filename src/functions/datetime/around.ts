import { absTime, compareTime, subTime, type TimeValue } from '../../runtime/ticks.js';
import { toBigInt, type Long } from '../../runtime/int64.js';
import { defineScalar } from '../define.js';

/** |v - c| <= d over longs, exact (a bigint beyond 2^53 is compared as it is). */
function aroundLong(v: Long, c: Long, d: Long): boolean {
  if (typeof v === 'number' && typeof c === 'number' && typeof d === 'number') {
    const diff = Math.abs(v - c);
    if (Number.isSafeInteger(diff)) return diff <= d;
  }
  const x = toBigInt(v) - toBigInt(c);
  return (x < 0n ? -x : x) <= toBigInt(d);
}

/** |v - c| <= d for datetimes (d a timespan) and timespans, to the tick (no overflow at the ends of the range). */
function aroundTime(v: TimeValue, c: TimeValue, d: TimeValue): boolean {
  return compareTime(absTime(subTime(v, c)), d) <= 0;
}

/**
 * around(value, center, delta) (around-function.md): whether value lies in [center - delta, center + delta],
 * both ends included. A negative delta makes the range empty (false); a null argument gives null.
 */
export const around = defineScalar({
  name: 'around',
  description: 'Whether a number, datetime or timespan lies within delta of a center value (inclusive).',
  overloads: [
    { params: ['long', 'long', 'long'], result: 'bool', exact: true, kernel: ([v, c, d]) => aroundLong(v as Long, c as Long, d as Long) },
    { params: ['number', 'number', 'number'], result: 'bool', kernel: ([v, c, d]) => Math.abs((v as number) - (c as number)) <= (d as number) },
    { params: ['datetime', 'datetime', 'timespan'], result: 'bool', kernel: ([v, c, d]) => aroundTime(v as TimeValue, c as TimeValue, d as TimeValue) },
    { params: ['timespan', 'timespan', 'timespan'], result: 'bool', kernel: ([v, c, d]) => aroundTime(v as TimeValue, c as TimeValue, d as TimeValue) },
  ],
});
