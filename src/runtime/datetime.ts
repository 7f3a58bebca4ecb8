/**
 * datetime and timespan values: text, calendar parts and Kusto's range.
 *
 * Both hold Kusto's exact 100 ns ticks as a TimeValue (src/runtime/ticks.ts): a number of milliseconds when the
 * value is whole milliseconds, else a bigint of ticks. A datetime counts from 1970-01-01T00:00:00Z (UTC only); a
 * timespan is a duration. Both are null when absent. Every conversion between these values and text lives here;
 * arithmetic and comparison live in ticks.ts.
 */
import { readRfcDateTime } from './datetime-rfc.js';
import { fromParts, negTime, subMsTicks, toTicks, wholeMs, fromTicks, type TimeValue } from './ticks.js';

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;

/** Kusto's datetime range: 0001-01-01 .. 9999-12-31 23:59:59.9999999. */
export const MIN_DATETIME_MS = -62135596800000;
/** The last whole millisecond of the range; the range itself ends 9,999 ticks later. */
export const MAX_DATETIME_MS = 253402300799999;
/** 0001-01-01 (Kusto's tick origin) and the last tick of 9999-12-31, in ticks since the Unix epoch. */
export const MIN_DATETIME_TICKS = BigInt(MIN_DATETIME_MS) * 10000n;
export const MAX_DATETIME_TICKS = BigInt(MAX_DATETIME_MS) * 10000n + 9999n;

const ISO_LIKE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?\s*$/i;

/**
 * US style month/day/year with '/' or '-' (one separator throughout): "02/17/2016 08:40:01", and "12-02-2022",
 * which todatetime-function.md shows Kusto accepting (read month first, as .NET's invariant culture does).
 */
const US_DATE = /^\s*(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,7})?)?)?\s*$/;

/** Parse a datetime string the way todatetime() does, exactly to the tick; null when it is not a datetime. */
export function parseDateTime(text: string): TimeValue | null {
  const fast = parseIsoByPosition(text);
  if (fast !== undefined) return fast;
  const m = ISO_LIKE.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, frac, zone] = m;
    let offsetMinutes = 0;
    if (zone && zone.toUpperCase() !== 'Z' && zone.toUpperCase() !== 'UTC' && zone.toUpperCase() !== 'GMT') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    }
    const ticks = frac ? fractionTicks(Number(frac), frac.length) : 0;
    return fromFields(Number(y), Number(mo), Number(d), h ? Number(h) : 0, mi ? Number(mi) : 0, s ? Number(s) : 0, offsetMinutes, ticks);
  }
  // US style month/day/year, as in the todatetime docs: "02/17/2016 08:40:01", "12-02-2022".
  const us = US_DATE.exec(text);
  if (us) {
    const [, mo, , d, y, h, mi, sec, frac] = us;
    return parseDateTime(`${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${(h ?? '0').padStart(2, '0')}:${mi ?? '00'}:${sec ?? '00'}${frac ?? ''}Z`);
  }
  // RFC 822 / RFC 850 ("Sat, 8 Nov 14 15:05:02 GMT", "Saturday, 08-Nov-14 15:05"): Kusto accepts these too.
  const rfc = readRfcDateTime(text);
  if (rfc) return fromFields(rfc.year, rfc.month, rfc.day, rfc.hour, rfc.minute, rfc.second, rfc.offsetMinutes, 0);
  return null;
}

/** The datetime of calendar fields written in a zone `offsetMinutes` east of UTC; null when a field is out of range. */
function fromFields(year: number, month: number, day: number, hour: number, minute: number, second: number, offsetMinutes: number, ticks: number): TimeValue | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (year < 100) ms = utcWithFullYear(year, month - 1, day, hour, minute, second);
  ms -= offsetMinutes * MS_PER_MINUTE;
  const v = ticks ? fromParts(ms, ticks) : ms;
  return inDateTimeRange(v) ? v : null;
}

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

/**
 * Ticks (0 .. 10^7) of a fraction of a second written with `digits` digits (1 to 9) whose value is `value`:
 * exact up to 7 digits (a tick is the 7th); the 8th and 9th round to the nearest tick, as .NET parses them.
 */
function fractionTicks(value: number, digits: number): number {
  return digits <= 7 ? value * POW10[7 - digits] : Math.round(value / POW10[digits - 7]);
}

/** Value of the `count` ASCII digits at `at`, or -1 when one of them is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The forms data nearly always has, read by character position instead of the regex:
 * `yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z]` (a space may stand for T) and `yyyy-MM-dd`. Gives undefined for any
 * other shape, which the general parser below then reads; the values are the same as its.
 */
function parseIsoByPosition(text: string): TimeValue | null | undefined {
  const n = text.length;
  if (n < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4), month = digitsAt(text, 5, 2), day = digitsAt(text, 8, 2);
  if (year < 100 || month < 0 || day < 0) return undefined;
  let hour = 0, minute = 0, second = 0, ticks = 0;
  let end = 10;
  if (n > 10) {
    const t = text.charCodeAt(10);
    if ((t !== 84 && t !== 32) || n < 19 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
    hour = digitsAt(text, 11, 2);
    minute = digitsAt(text, 14, 2);
    second = digitsAt(text, 17, 2);
    if (hour < 0 || minute < 0 || second < 0) return undefined;
    end = 19;
    if (end < n && text.charCodeAt(end) === 46) {
      let digits = 0, value = 0;
      for (let i = end + 1; i < n; i++) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        value = value * 10 + d;
        digits++;
      }
      if (digits === 0 || digits > 9) return undefined;
      ticks = fractionTicks(value, digits);
      end += 1 + digits;
    }
    if (end < n && text.charCodeAt(end) === 90) end++;
  }
  if (end !== n) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  // Whole milliseconds (at most 3 fractional digits, or zeros after them) make no bigint.
  const v = fromParts(Date.UTC(year, month - 1, day, hour, minute, second), ticks);
  return inDateTimeRange(v) ? v : null;
}

function utcWithFullYear(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const date = new Date(Date.UTC(2000, mo, d, h, mi, s));
  date.setUTCFullYear(y);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();
}

/** Within Kusto's range 0001-01-01 .. 9999-12-31 23:59:59.9999999 (a NaN or fractional number is not). */
export function inDateTimeRange(v: TimeValue): boolean {
  if (typeof v === 'number') return v >= MIN_DATETIME_MS && v <= MAX_DATETIME_MS && Number.isInteger(v);
  return v >= MIN_DATETIME_TICKS && v <= MAX_DATETIME_TICKS;
}

/**
 * ISO-8601 text with 7 fractional digits, as Kusto prints datetimes: 2024-05-01T10:00:00.1234567Z. A
 * fractional number of milliseconds (not canonical) is read to the nearest tick.
 */
export function formatDateTime(v: TimeValue): string {
  const whole = wholeMs(v);
  const iso = new Date(whole).toISOString(); // yyyy-mm-ddThh:mm:ss.fffZ
  const sub = subMsTicks(v);
  const fraction = iso.slice(20, 23) + (sub === 0 ? '0000' : String(sub).padStart(4, '0'));
  const datePart = iso.slice(0, 19);
  return `${datePart.startsWith('+') || datePart.startsWith('-') ? datePart.slice(1) : datePart}.${fraction}Z`;
}

/** Kusto's timespan text: [-][d.]hh:mm:ss[.fffffff]. */
export function formatTimespan(v: TimeValue): string {
  const { negative, days, hours, minutes, seconds, fraction } = timespanParts(v);
  const core = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  const frac = fraction ? '.' + String(fraction).padStart(7, '0') : '';
  return `${negative ? '-' : ''}${days ? days + '.' : ''}${core}${frac}`;
}

/** The parts of a timespan's magnitude: whole days, hours, minutes, seconds and the ticks of the second. */
export function timespanParts(v: TimeValue): { negative: boolean; days: number; hours: number; minutes: number; seconds: number; fraction: number } {
  let totalSeconds: number, fraction: number;
  const negative = v < 0;
  if (typeof v === 'number' && Number.isInteger(v)) {
    const abs = Math.abs(v);
    const ms = abs % 1000;
    totalSeconds = (abs - ms) / 1000;
    fraction = ms * 10_000;
  } else {
    let t = toTicks(v);
    if (t < 0n) t = -t;
    totalSeconds = Number(t / 10_000_000n);
    fraction = Number(t % 10_000_000n);
  }
  const days = Math.floor(totalSeconds / 86400);
  const inDay = totalSeconds - days * 86400;
  return { negative, days, hours: Math.floor(inDay / 3600), minutes: Math.floor((inDay % 3600) / 60), seconds: inDay % 60, fraction };
}

/** Ticks per timespan unit. */
const TIMESPAN_UNITS: Record<string, number> = {
  d: 864_000_000_000, day: 864_000_000_000, days: 864_000_000_000,
  h: 36_000_000_000, hr: 36_000_000_000, hrs: 36_000_000_000, hour: 36_000_000_000, hours: 36_000_000_000,
  m: 600_000_000, min: 600_000_000, minute: 600_000_000, minutes: 600_000_000,
  s: 10_000_000, sec: 10_000_000, second: 10_000_000, seconds: 10_000_000,
  ms: 10_000, milli: 10_000, millis: 10_000, millisecond: 10_000, milliseconds: 10_000,
  microsecond: 10, microseconds: 10, micros: 10,
  tick: 1, ticks: 1,
};

/**
 * A timespan literal such as 1d, 2.5h, 30m, 100ms, 1tick, exact to the tick (a fraction of a tick, as in
 * 0.5tick, rounds half up); null when not one.
 */
export function parseTimespanLiteral(text: string): TimeValue | null {
  const m = /^(\d+)(?:\.(\d+))?([a-z]+)$/i.exec(text.trim());
  if (!m) return null;
  const name = m[3].toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(TIMESPAN_UNITS, name)) return null;
  const unit = TIMESPAN_UNITS[name];
  const [, whole, frac] = m;
  // A whole number of a unit of whole milliseconds: a number, no bigint.
  if (frac === undefined && unit % 10_000 === 0) return Number(whole) * (unit / 10_000);
  const u = BigInt(unit);
  let ticks = BigInt(whole) * u;
  if (frac !== undefined) {
    const scale = 10n ** BigInt(frac.length);
    ticks += (BigInt(frac) * u * 2n + scale) / (2n * scale); // rounded half up
  }
  return fromTicks(ticks);
}

/** Parse timespan text the way totimespan() does, exactly to the tick: "1.02:03:04.5", "02:03:04", "1d", "-00:30:00". */
export function parseTimespan(text: string): TimeValue | null {
  const literal = parseTimespanLiteral(text);
  if (literal !== null) return literal;
  const m = /^\s*(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*$/.exec(text);
  if (!m) return null;
  const [, neg, d, h, mi, s, frac] = m;
  if (Number(mi) > 59 || (s && Number(s) > 59)) return null;
  const ms =
    (d ? Number(d) * MS_PER_DAY : 0) + Number(h) * MS_PER_HOUR + Number(mi) * MS_PER_MINUTE +
    (s ? Number(s) * MS_PER_SECOND : 0);
  const v = frac ? fromParts(ms, fractionTicks(Number(frac), frac.length)) : ms;
  return neg ? negTime(v) : v;
}

/** The ticks within the second of a datetime (0 .. 9,999,999): its 7 fractional digits, exactly. */
export function ticksOfSecond(v: TimeValue): number {
  const ms = wholeMs(v);
  return (((ms % 1000) + 1000) % 1000) * 10_000 + subMsTicks(v);
}

/** UTC calendar parts of a datetime, for startof*, datetime_part and friends (the millisecond is floored). */
export function utcParts(v: TimeValue): { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number } {
  const d = new Date(wholeMs(v));
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(),
  };
}

export function utcDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new Date(Date.UTC(2000, 0, 1, hour, minute, second, ms));
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}
