import { MS_PER_DAY, ticksOfSecond, utcDate, utcParts } from '../../runtime/datetime.js';
import { wholeMs, type TimeValue } from '../../runtime/ticks.js';
import type { ArgInfo, BindFailure } from '../registry-types.js';
import { constantString, defineScalar } from '../define.js';
import { startOfDay } from '../calendar.js';

const parts = (d: unknown) => utcParts(d as TimeValue);

/** Day of the year, 1-based. */
export function dayOfYear(v: TimeValue): number {
  return Math.round((startOfDay(v) - utcDate(utcParts(v).year, 1, 1)) / MS_PER_DAY) + 1;
}

/** ISO 8601 week number: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(v: TimeValue): number {
  const day = Math.floor(wholeMs(v) / MS_PER_DAY);
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1; // Monday = 1 .. Sunday = 7 (1970-01-01 was a Thursday)
  const thursday = (day - weekday + 4) * MS_PER_DAY;
  return Math.floor((dayOfYear(thursday) - 1) / 7) + 1;
}

const getter = (name: string, description: string, f: (v: TimeValue) => number, aliases?: string[]) =>
  defineScalar({ name, aliases, description, overloads: [{ params: ['datetime'], result: 'int', kernel: ([d]) => f(d as TimeValue) }] });

export const getyear = getter('getyear', 'Year of a datetime.', (d) => parts(d).year);
export const getmonth = getter('getmonth', 'Month (1-12) of a datetime.', (d) => parts(d).month);
export const monthofyear = getter('monthofyear', 'Month (1-12) of a datetime.', (d) => parts(d).month);
export const dayofmonth = getter('dayofmonth', 'Day of the month (1-31) of a datetime.', (d) => parts(d).day);
export const dayofyear = getter('dayofyear', 'Day of the year (1-366) of a datetime.', dayOfYear);
/** weekofyear is the deprecated name of week_of_year; both give the ISO 8601 week number. */
export const week_of_year = getter('week_of_year', 'ISO 8601 week number (1-53) of a datetime.', isoWeek);
export const weekofyear = getter('weekofyear', 'ISO 8601 week number (1-53) of a datetime (deprecated name of week_of_year).', isoWeek);

const PARTS: Record<string, (v: TimeValue) => number> = {
  year: (d) => parts(d).year,
  quarter: (d) => Math.floor((parts(d).month - 1) / 3) + 1,
  month: (d) => parts(d).month,
  week_of_year: isoWeek,
  day: (d) => parts(d).day,
  dayofyear: dayOfYear,
  hour: (d) => parts(d).hour,
  minute: (d) => parts(d).minute,
  second: (d) => parts(d).second,
  millisecond: (d) => parts(d).millisecond,
  microsecond: (d) => Math.floor(ticksOfSecond(d) / 10),
  nanosecond: (d) => ticksOfSecond(d) * 100,
};

function checkPart(args: ArgInfo[]): BindFailure | undefined {
  const p = constantString(args[0]);
  if (p === undefined || !Object.prototype.hasOwnProperty.call(PARTS, p.toLowerCase())) {
    return { error: `Unknown datetime part '${p ?? ''}'; expected one of ${Object.keys(PARTS).join(', ')}.`, argIndex: 0 };
  }
  return undefined;
}

/**
 * datetime_part(part, date) (datetime-part-function.md): part is a constant, case-insensitive;
 * microsecond and nanosecond are the sub-second fraction in those units (so 7 digits of ticks).
 */
export const datetime_part = defineScalar({
  name: 'datetime_part',
  description: 'A calendar part (year, quarter, month, week_of_year, day, dayofyear, hour, ...) of a datetime.',
  overloads: [{
    params: ['string', 'datetime'], constants: [0], check: checkPart, result: 'int',
    kernel: ([p, d]) => PARTS[(p as string).toLowerCase()](d as TimeValue),
  }],
});

