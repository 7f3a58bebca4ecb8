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

/** Milliseconds and ticks of a number of seconds, exact to the tick (a fraction finer than a tick rounds to the nearest). */
function secondsValue(ms: number, s: number): TimeValue | null {
  if (!Number.isFinite(s)) return null;
  if (Number.isInteger(s)) return ms + s * MS_PER_SECOND;
  const whole = Math.floor(s);
  return fromParts(ms + whole * MS_PER_SECOND, Math.round((s - whole) * 1e7));
}

/**
 * make_timespan(hour, minute) / (hour, minute, second) / (day, hour, minute, second) (make-timespan-function.md):
 * second may have a fraction, kept to the tick (the docs' make_timespan(1,12,30,55.123) is 1.12:30:55.1230000).
 */
export const make_timespan = defineScalar({
  name: 'make_timespan',
  description: 'A timespan from hours and minutes, optionally seconds, or from days, hours, minutes and seconds.',
  overloads: [
    // The analyzer requires whole numbers, seconds included; the docs give second as a real, and an example with one.
    { params: ['integer', 'integer', 'real'], optional: 1, result: 'timespan',
      kernel: ([h, m, s]) => secondsValue((h as number) * MS_PER_HOUR + (m as number) * MS_PER_MINUTE, (s as number | undefined) ?? 0) },
    { params: ['integer', 'integer', 'integer', 'real'], result: 'timespan',
      kernel: ([d, h, m, s]) => secondsValue((d as number) * MS_PER_DAY + (h as number) * MS_PER_HOUR + (m as number) * MS_PER_MINUTE, s as number) },
  ],
});
