/**
 * Calendar arithmetic on datetimes, shared by startof*, endof*, datetime_add and datetime_diff. Datetimes are
 * TimeValues (src/runtime/ticks.ts); calendar boundaries are whole milliseconds, so starts of periods are
 * numbers, and the last tick before a boundary (endof*) is a bigint.
 */
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, inDateTimeRange, utcDate, utcParts } from '../runtime/datetime.js';
import { addTicks, fromParts, subMsTicks, wholeMs, type TimeValue } from '../runtime/ticks.js';

export type Period = 'year' | 'quarter' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond' | 'microsecond' | 'nanosecond';

const PERIODS: Record<string, Period> = {
  year: 'year', quarter: 'quarter', month: 'month', week: 'week', day: 'day', hour: 'hour', minute: 'minute',
  second: 'second', millisecond: 'millisecond', microsecond: 'microsecond', nanosecond: 'nanosecond',
};

/** Period names are case-insensitive. */
export function parsePeriod(text: string): Period | undefined {
  const k = text.toLowerCase();
  return Object.prototype.hasOwnProperty.call(PERIODS, k) ? PERIODS[k] : undefined;
}

/** Milliseconds of the periods of fixed length that are whole milliseconds. */
export const FIXED_MS: Partial<Record<Period, number>> = {
  week: 7 * MS_PER_DAY, day: MS_PER_DAY, hour: MS_PER_HOUR, minute: MS_PER_MINUTE, second: MS_PER_SECOND, millisecond: 1,
};

/** Start of the (UTC) day: whole milliseconds. */
export function startOfDay(v: TimeValue): number {
  return Math.floor(wholeMs(v) / MS_PER_DAY) * MS_PER_DAY;
}

/** Weeks start on Sunday; 1970-01-01 was a Thursday (4 days after Sunday). */
export function startOfWeek(v: TimeValue): number {
  const day = Math.floor(wholeMs(v) / MS_PER_DAY);
  return (day - ((((day + 4) % 7) + 7) % 7)) * MS_PER_DAY;
}

/** Add whole months; the day clamps to the end of the target month, like .NET AddMonths. The time of day is kept to the tick. */
export function addMonths(v: TimeValue, months: number): TimeValue {
  const ms = wholeMs(v);
  const p = utcParts(ms);
  const total = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(total / 12), month = total - year * 12 + 1;
  const lastDay = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // month length (leap-safe below)
  const dim = month === 2 ? (isLeap(year) ? 29 : 28) : lastDay;
  const timeOfDay = ms - startOfDay(ms);
  return fromParts(utcDate(year, month, Math.min(p.day, dim)) + timeOfDay, subMsTicks(v));
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function startOfMonth(v: TimeValue, offset = 0): number {
  const p = utcParts(v);
  return addMonths(utcDate(p.year, p.month, 1), offset) as number; // whole milliseconds in, whole out
}

export function startOfYear(v: TimeValue, offset = 0): number {
  return utcDate(utcParts(v).year + offset, 1, 1);
}

/** The last tick before a boundary given in whole milliseconds: the end of a period (23:59:59.9999999). */
export function lastTickBefore(ms: number): TimeValue {
  return addTicks(ms, -1);
}

export function nullIfOutOfRange(v: TimeValue | null): TimeValue | null {
  return v !== null && inDateTimeRange(v) ? v : null;
}
