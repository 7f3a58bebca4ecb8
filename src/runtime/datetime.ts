/**
 * datetime and timespan values.
 *
 * datetime: a number, milliseconds since 1970-01-01T00:00:00Z (UTC, fractions allowed for sub-millisecond ticks).
 * timespan: a number of milliseconds (fractions allowed; one Kusto tick is 0.0001 ms).
 * Both are null when absent. Every conversion between these numbers and text lives here.
 */
import { DateTime } from 'luxon';

export const MS_PER_TICK = 0.0001;
export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;

/** Kusto's datetime range: 0001-01-01 .. 9999-12-31. */
export const MIN_DATETIME_MS = -62135596800000;
export const MAX_DATETIME_MS = 253402300799999.9;

const ISO_LIKE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?\s*$/i;

const US_DATE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,7})?)?)?\s*$/;

/** Parse a datetime string the way todatetime() does; null when it is not a datetime. */
export function parseDateTime(text: string): number | null {
  const fast = parseIsoByPosition(text);
  if (fast !== undefined) return fast;
  const m = ISO_LIKE.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, frac, zone] = m;
    const year = Number(y), month = Number(mo), day = Number(d);
    const hour = h ? Number(h) : 0, minute = mi ? Number(mi) : 0, second = s ? Number(s) : 0;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    if (hour > 23 || minute > 59 || second > 59) return null;
    let ms = Date.UTC(year, month - 1, day, hour, minute, second);
    if (year < 100) ms = utcWithFullYear(year, month - 1, day, hour, minute, second);
    if (frac) ms += Number('0.' + frac) * 1000;
    if (zone && zone.toUpperCase() !== 'Z' && zone.toUpperCase() !== 'UTC' && zone.toUpperCase() !== 'GMT') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      ms -= sign * (Number(digits.slice(0, 2)) * MS_PER_HOUR + Number(digits.slice(2)) * MS_PER_MINUTE);
    }
    return inDateTimeRange(ms) ? ms : null;
  }
  // US style month/day/year, as in the todatetime docs: "02/17/2016 08:40:01".
  const us = US_DATE.exec(text);
  if (us) {
    const [, mo, d, y, h, mi, sec, frac] = us;
    return parseDateTime(`${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${(h ?? '0').padStart(2, '0')}:${mi ?? '00'}:${sec ?? '00'}${frac ?? ''}Z`);
  }
  // RFC 822 / RFC 850 style ("Sat, 8 Nov 2014 15:05:02 GMT"): Kusto accepts these too.
  const rfc = DateTime.fromRFC2822(text.trim(), { zone: 'utc' });
  if (rfc.isValid) return rfc.toMillis();
  const http = DateTime.fromHTTP(text.trim(), { zone: 'utc' });
  if (http.isValid) return http.toMillis();
  return null;
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
function parseIsoByPosition(text: string): number | null | undefined {
  const n = text.length;
  if (n < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4), month = digitsAt(text, 5, 2), day = digitsAt(text, 8, 2);
  if (year < 100 || month < 0 || day < 0) return undefined;
  let hour = 0, minute = 0, second = 0, fraction = 0;
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
      // value / 10^digits is the correctly rounded double of 0.<digits>, as Number('0.' + digits) is.
      fraction = (value / 10 ** digits) * 1000;
      end += 1 + digits;
    }
    if (end < n && text.charCodeAt(end) === 90) end++;
  }
  if (end !== n) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) + fraction;
  return inDateTimeRange(ms) ? ms : null;
}

function utcWithFullYear(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const date = new Date(Date.UTC(2000, mo, d, h, mi, s));
  date.setUTCFullYear(y);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();
}

export function inDateTimeRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_DATETIME_MS && ms <= MAX_DATETIME_MS;
}

/** ISO-8601 text with 7 fractional digits, as Kusto prints datetimes: 2024-05-01T10:00:00.0000000Z. */
export function formatDateTime(ms: number): string {
  const whole = Math.floor(ms);
  const iso = new Date(whole).toISOString(); // yyyy-mm-ddThh:mm:ss.fffZ
  const ticks = Math.round((ms - whole) / MS_PER_TICK);
  const fraction = iso.slice(20, 23) + String(Math.min(ticks, 9999)).padStart(4, '0');
  const datePart = iso.slice(0, 19);
  return `${datePart.startsWith('+') || datePart.startsWith('-') ? datePart.slice(1) : datePart}.${fraction}Z`;
}

/** Kusto's timespan text: [-][d.]hh:mm:ss[.fffffff]. */
export function formatTimespan(ms: number): string {
  const negative = ms < 0;
  let ticks = Math.round(Math.abs(ms) / MS_PER_TICK);
  const ticksPerSecond = 10_000_000;
  const fractionTicks = ticks % ticksPerSecond;
  let seconds = (ticks - fractionTicks) / ticksPerSecond;
  const days = Math.floor(seconds / 86400);
  seconds -= days * 86400;
  const hh = Math.floor(seconds / 3600), mm = Math.floor((seconds % 3600) / 60), ss = seconds % 60;
  ticks = fractionTicks;
  const core = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
  const frac = fractionTicks ? '.' + String(fractionTicks).padStart(7, '0') : '';
  return `${negative ? '-' : ''}${days ? days + '.' : ''}${core}${frac}`;
}

const TIMESPAN_UNITS: Record<string, number> = {
  d: MS_PER_DAY, day: MS_PER_DAY, days: MS_PER_DAY,
  h: MS_PER_HOUR, hr: MS_PER_HOUR, hrs: MS_PER_HOUR, hour: MS_PER_HOUR, hours: MS_PER_HOUR,
  m: MS_PER_MINUTE, min: MS_PER_MINUTE, minute: MS_PER_MINUTE, minutes: MS_PER_MINUTE,
  s: MS_PER_SECOND, sec: MS_PER_SECOND, second: MS_PER_SECOND, seconds: MS_PER_SECOND,
  ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1,
  microsecond: 0.001, microseconds: 0.001, micros: 0.001,
  tick: MS_PER_TICK, ticks: MS_PER_TICK,
};

/** A timespan literal such as 1d, 2.5h, 30m, 100ms, 1tick; null when not one. */
export function parseTimespanLiteral(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([a-z]+)$/i.exec(text.trim());
  if (!m) return null;
  const unit = TIMESPAN_UNITS[m[2].toLowerCase()];
  return unit === undefined || !Object.prototype.hasOwnProperty.call(TIMESPAN_UNITS, m[2].toLowerCase())
    ? null
    : Number(m[1]) * unit;
}

/** Parse timespan text the way totimespan() does: "1.02:03:04.5", "02:03:04", "1d", "-00:30:00". */
export function parseTimespan(text: string): number | null {
  const literal = parseTimespanLiteral(text);
  if (literal !== null) return literal;
  const m = /^\s*(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*$/.exec(text);
  if (!m) return null;
  const [, neg, d, h, mi, s, frac] = m;
  if (Number(mi) > 59 || (s && Number(s) > 59)) return null;
  const ms =
    (d ? Number(d) * MS_PER_DAY : 0) + Number(h) * MS_PER_HOUR + Number(mi) * MS_PER_MINUTE +
    (s ? Number(s) * MS_PER_SECOND : 0) + (frac ? Number('0.' + frac) * 1000 : 0);
  return neg ? -ms : ms;
}

/** UTC calendar parts of a datetime, for startof*, datetime_part and friends. */
export function utcParts(ms: number): { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number } {
  const d = new Date(Math.floor(ms));
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
