/**
 * The datetime and timespan representation: Kusto's exact 100 ns ticks, held as a JS `number` of milliseconds
 * when the value is a whole number of milliseconds (what data almost always holds, and every JS `Date`), and as
 * a `bigint` of ticks otherwise. A datetime counts from 1970-01-01T00:00:00Z (the Unix epoch), a timespan is a
 * duration. The form is canonical: a whole-millisecond value is never a bigint and a bigint is never a multiple
 * of 10,000 ticks, so two values of one instant are `===` and keys need no conversion, and the common case stays
 * plain number arithmetic with no allocation. Unlike longs (src/runtime/int64.ts) the two forms have different
 * units: a number and a bigint must never meet in `<`, `-` or `==`; everything that compares, subtracts or
 * splits them goes through this module (or src/runtime/datetime.ts, which turns them into text and calendar
 * parts).
 *
 * Every function here tolerates a non-canonical input (a fractional number of milliseconds is rounded to the
 * nearest tick, a bigint that is a multiple of 10,000 is read as it is) and returns a canonical result.
 */
import { floorDiv } from './int64.js';

/** A datetime (since the Unix epoch) or timespan: whole milliseconds as a number, or ticks as a bigint. */
export type TimeValue = number | bigint;

export const TICKS_PER_MS = 10_000;
const BIG_TICKS_PER_MS = 10_000n;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const BIG_MAX_SAFE = BigInt(MAX_SAFE);

/** True for a value in either form: a finite number (whole milliseconds when canonical) or a bigint of ticks. */
export function isTimeValue(v: unknown): v is TimeValue {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isFinite(v));
}

/** The canonical value of a count of ticks. */
export function fromTicks(t: bigint): TimeValue {
  if (t % BIG_TICKS_PER_MS !== 0n) return t;
  return Number(t / BIG_TICKS_PER_MS);
}

/** The canonical value of an integral number of ticks held in a double (exact while it is a safe integer). */
export function fromTickCount(t: number): TimeValue {
  if (t % TICKS_PER_MS === 0) return t / TICKS_PER_MS || 0;
  return Number.isSafeInteger(t) ? BigInt(t) : fromTicks(BigInt(t));
}

/** A value's ticks (since the Unix epoch for a datetime), exactly. */
export function toTicks(v: TimeValue): bigint {
  if (typeof v === 'bigint') return v;
  if (Number.isInteger(v)) return BigInt(v) * BIG_TICKS_PER_MS;
  const whole = Math.floor(v); // a fractional (non-canonical) number: the nearest tick
  return BigInt(whole) * BIG_TICKS_PER_MS + BigInt(Math.round((v - whole) * TICKS_PER_MS));
}

/**
 * whole milliseconds plus a number of ticks (an integer, usually 0 .. 9,999,999: the sub-second digits of
 * text), canonical. No bigint is made when the ticks are whole milliseconds.
 */
export function fromParts(ms: number, ticks: number): TimeValue {
  if (ticks === 0) return ms;
  const carry = Math.floor(ticks / TICKS_PER_MS);
  const rest = ticks - carry * TICKS_PER_MS;
  if (rest === 0) return ms + carry;
  return BigInt(ms + carry) * BIG_TICKS_PER_MS + BigInt(rest);
}

/**
 * A double of milliseconds (a fraction carries sub-millisecond ticks, as runKql returns timespans) as a time
 * value, rounded to the nearest tick; null when it is NaN or infinite.
 */
export function fromMs(ms: number): TimeValue | null {
  if (Number.isInteger(ms)) return ms === 0 ? 0 : ms; // no -0
  if (!Number.isFinite(ms)) return null;
  const whole = Math.floor(ms);
  return fromParts(whole, Math.round((ms - whole) * TICKS_PER_MS));
}

/** A value as a double of milliseconds: exact for whole milliseconds, else the nearest double (about). */
export function toMs(v: TimeValue): number {
  if (typeof v === 'number') return v;
  // Up to 2^53 ticks (about 28 years from 1970, or a timespan that long) one exact division: the nearest double.
  if (v <= BIG_MAX_SAFE && v >= -BIG_MAX_SAFE) return Number(v) / TICKS_PER_MS;
  const abs = v < 0n ? -v : v;
  const ms = Number(abs / BIG_TICKS_PER_MS) + Number(abs % BIG_TICKS_PER_MS) / TICKS_PER_MS;
  return v < 0n ? -ms : ms;
}

/** The whole milliseconds at or before a value (floor): what calendar parts and a JS Date see. */
export function wholeMs(v: TimeValue): number {
  if (typeof v === 'number') {
    if (Number.isInteger(v) || !Number.isFinite(v)) return v;
    v = toTicks(v); // a fraction rounded to the nearest tick, as subMsTicks reads it
  }
  return Number(floorDiv(v, BIG_TICKS_PER_MS));
}

/** The ticks after the whole millisecond (0 .. 9,999): the 4th to 7th fractional digits of a second. */
export function subMsTicks(v: TimeValue): number {
  if (typeof v === 'number') {
    if (Number.isInteger(v) || !Number.isFinite(v)) return 0;
    v = toTicks(v);
  }
  return Number(v - floorDiv(v, BIG_TICKS_PER_MS) * BIG_TICKS_PER_MS);
}

// Comparison. Canonical values of one instant are `===`; these order them.

/** Order of two values of one type (both datetimes or both timespans): -1, 0 or 1. */
export function compareTime(a: TimeValue, b: TimeValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const x = toTicks(a), y = toTicks(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function lessTime(a: TimeValue, b: TimeValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return toTicks(a) < toTicks(b);
}

/** The sign of a value: -1, 0 or 1. */
export function signTime(v: TimeValue): number {
  return v > 0 ? 1 : v < 0 ? -1 : 0; // a bigint compares with 0 by value
}

// Arithmetic. Two whole-millisecond numbers stay one number operation.

/** a + b (datetime + timespan, timespan + timespan). */
export function addTime(a: TimeValue, b: TimeValue): TimeValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isInteger(r)) return r;
  }
  return fromTicks(toTicks(a) + toTicks(b));
}

/** a - b (datetime - datetime, datetime - timespan, timespan - timespan). */
export function subTime(a: TimeValue, b: TimeValue): TimeValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isInteger(r)) return r || 0;
  }
  return fromTicks(toTicks(a) - toTicks(b));
}

/** A value plus an integral number of ticks. */
export function addTicks(v: TimeValue, ticks: number): TimeValue {
  if (typeof v === 'number' && Number.isInteger(v) && ticks % TICKS_PER_MS === 0) return v + ticks / TICKS_PER_MS;
  return fromTicks(toTicks(v) + BigInt(ticks));
}

export function negTime(v: TimeValue): TimeValue {
  if (typeof v === 'number' && Number.isInteger(v)) return v === 0 ? 0 : -v;
  return fromTicks(-toTicks(v));
}

export function absTime(v: TimeValue): TimeValue {
  if (typeof v === 'number' && Number.isInteger(v)) return Math.abs(v);
  const t = toTicks(v);
  return fromTicks(t < 0n ? -t : t);
}

/** A value's ticks as a double: exact while they are a safe integer (timespans up to about 28 years). */
function ticksAsDouble(v: TimeValue): number {
  return typeof v === 'number' && Number.isInteger(v) ? v * TICKS_PER_MS : Number(toTicks(v));
}

/**
 * timespan * number: exact for an integral factor; a fractional one rounds the product to the nearest tick
 * (half away from zero). NaN or an infinite factor gives null (no timespan holds it).
 */
export function mulTime(a: TimeValue, k: number): TimeValue | null {
  if (!Number.isFinite(k)) return null;
  if (Number.isInteger(k)) {
    if (typeof a === 'number' && Number.isInteger(a)) {
      const r = a * k; // a product of integers within 2^53 is exact
      if (r <= MAX_SAFE && r >= -MAX_SAFE) return r || 0;
    }
    return fromTicks(toTicks(a) * BigInt(k));
  }
  return fromTickCount(roundHalfAway(ticksAsDouble(a) * k));
}

/**
 * timespan / number, rounded to the nearest tick (half away from zero): exact for an integral divisor.
 * Division by zero (or NaN) gives null.
 */
export function divTime(a: TimeValue, k: number): TimeValue | null {
  if (k === 0 || Number.isNaN(k)) return null;
  if (!Number.isFinite(k)) return 0;
  if (Number.isSafeInteger(k)) {
    if (typeof a === 'number' && Number.isInteger(a)) {
      const r = a / k;
      if (Number.isInteger(r)) return r || 0; // the quotient of safe integers, exact
    }
    return fromTicks(roundDiv(toTicks(a), BigInt(k)));
  }
  return fromTickCount(roundHalfAway(ticksAsDouble(a) / k));
}

/** timespan / timespan: a real. */
export function ratioTime(a: TimeValue, b: TimeValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  return Number(toTicks(a)) / Number(toTicks(b));
}

/** timespan % timespan, with the dividend's sign; by zero gives null. */
export function modTime(a: TimeValue, b: TimeValue): TimeValue | null {
  if (b === 0 || b === 0n) return null;
  if (typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) && Number.isInteger(b)) return a % b || 0;
  return fromTicks(toTicks(a) % toTicks(b));
}

/**
 * v rounded down to a multiple of size counted from origin (bin()); a size that is not positive gives null.
 * Whole milliseconds stay in doubles (exact: every operand and the result are safe integers).
 */
export function floorTime(v: TimeValue, size: TimeValue, origin: TimeValue = 0): TimeValue | null {
  if (!(size > 0)) return null; // a bigint compares with 0 by value
  if (typeof v === 'number' && typeof size === 'number' && typeof origin === 'number') {
    const r = Math.floor((v - origin) / size) * size + origin;
    if (Number.isInteger(r) && r <= MAX_SAFE && r >= -MAX_SAFE) return r || 0;
  }
  const o = toTicks(origin), s = toTicks(size);
  return fromTicks(floorDiv(toTicks(v) - o, s) * s + o);
}

/** How many whole steps of `size` (> 0) lie from `from` to v, rounded down: a make-series bin index. */
export function stepsBetween(from: TimeValue, v: TimeValue, size: TimeValue): number {
  if (typeof from === 'number' && typeof v === 'number' && typeof size === 'number') return Math.floor((v - from) / size);
  return Number(floorDiv(toTicks(v) - toTicks(from), toTicks(size)));
}

/** Integer division rounding half away from zero. */
function roundDiv(a: bigint, b: bigint): bigint {
  if (b < 0n) { a = -a; b = -b; }
  const q = a / b, r = a % b;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  return twice >= b ? (a < 0n ? q - 1n : q + 1n) : q;
}

function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
