import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, inDateTimeRange, utcDate } from '../../runtime/datetime.js';
import { fromParts, type TimeValue } from '../../runtime/ticks.js';
import { defineScalar } from '../define.js';

/**
 * make_datetime(year, month, day [, hour, minute [, second]]) (make-datetime-function.md): second may have a
 * fraction (kept to the tick); an invalid date (month 13, Feb 30, year 0) gives null.
 */
function makeDateTime(vs: unknown[]): TimeValue | null {
  const [y, mo, d, h = 0, mi = 0, s = 0] = vs as number[];
  if (![y, mo, d, h, mi].every(Number.isInteger)) return null;
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || !(s >= 0 && s < 60)) return null;
  if (d > new Date(Date.UTC(2000, mo, 0)).getUTCDate() || (mo === 2 && d === 29 && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0))) return null;
  // The seconds to the nearest tick; whole milliseconds make no bigint.
  const v = fromParts(utcDate(y, mo, d, h, mi), Math.round(s * 1e7));
  return inDateTimeRange(v) ? v : null;
}

export const make_datetime = defineScalar({
  name: 'make_datetime',
  description: 'A datetime from year, month, day and optionally hour, minute, second.',
  overloads: [
    { params: ['integer', 'integer', 'integer'], result: 'datetime', kernel: makeDateTime },
    { params: ['integer', 'integer', 'integer', 'integer', 'integer', 'real'], optional: 1, result: 'datetime', kernel: makeDateTime },
    // The analyzer also accepts real arguments (a real year must still be whole here).
    { params: ['real', 'real', 'real', 'real', 'real', 'real'], optional: 3, result: 'datetime', kernel: makeDateTime },
  ],
});

/**
 * make_timespan(hour, minute) / (hour, minute, second) / (day, hour, minute, second) (make-timespan-function.md).
 */
export const make_timespan = defineScalar({
  name: 'make_timespan',
  description: 'A timespan from hours and minutes, optionally seconds, or from days, hours, minutes and seconds.',
  overloads: [
    // The analyzer requires whole numbers, seconds included.
    { params: ['integer', 'integer', 'integer'], optional: 1, result: 'timespan',
      kernel: ([h, m, s]) => (h as number) * MS_PER_HOUR + (m as number) * MS_PER_MINUTE + ((s as number | undefined) ?? 0) * MS_PER_SECOND },
    { params: ['integer', 'integer', 'integer', 'integer'], result: 'timespan',
      kernel: ([d, h, m, s]) => (d as number) * MS_PER_DAY + (h as number) * MS_PER_HOUR + (m as number) * MS_PER_MINUTE + (s as number) * MS_PER_SECOND },
  ],
});
