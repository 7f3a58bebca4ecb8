/** Calendar arithmetic on datetimes (UTC ms), shared by startof*, endof*, datetime_add and datetime_diff. */
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, MS_PER_TICK, inDateTimeRange, utcDate, utcParts } from '../runtime/datetime.js';

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

export const FIXED_MS: Partial<Record<Period, number>> = {
  week: 7 * MS_PER_DAY, day: MS_PER_DAY, hour: MS_PER_HOUR, minute: MS_PER_MINUTE, second: MS_PER_SECOND,
  millisecond: 1, microsecond: 0.001, nanosecond: 0.000001,
};

export function startOfDay(ms: number): number {
  return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
}

/** Weeks start on Sunday; 1970-01-01 was a Thursday (4 days after Sunday). */
export function startOfWeek(ms: number): number {
  const day = Math.floor(ms / MS_PER_DAY);
  return (day - ((((day + 4) % 7) + 7) % 7)) * MS_PER_DAY;
}

/** Add whole months; the day clamps to the end of the target month, like .NET AddMonths. */
export function addMonths(ms: number, months: number): number {
  const p = utcParts(ms);
  const total = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(total / 12), month = total - year * 12 + 1;
  const lastDay = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // month length (leap-safe below)
  const dim = month === 2 ? (isLeap(year) ? 29 : 28) : lastDay;
  const timeOfDay = ms - startOfDay(ms);
  return utcDate(year, month, Math.min(p.day, dim)) + timeOfDay;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function startOfMonth(ms: number, offset = 0): number {
  const p = utcParts(ms);
  return addMonths(utcDate(p.year, p.month, 1), offset);
}

export function startOfYear(ms: number, offset = 0): number {
  return utcDate(utcParts(ms).year + offset, 1, 1);
}

export function nullIfOutOfRange(ms: number): number | null {
  return inDateTimeRange(ms) ? ms : null;
}

/** 100 ns ticks of a datetime as a BigInt, so microsecond and nanosecond counts stay exact. */
export function ticksOf(ms: number): bigint {
  const whole = Math.floor(ms);
  return BigInt(whole) * 10000n + BigInt(Math.round((ms - whole) / MS_PER_TICK));
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
