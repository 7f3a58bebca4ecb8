/**
 * Value conversions shared by the to*() functions, iff/case/coalesce and the operators.
 * Every conversion of bad input returns null; nothing here throws.
 */
import type { KqlType } from '../runtime/types.js';
import { isNumericType, widerNumeric } from '../runtime/types.js';
import { MIN_DATETIME_TICKS, parseDateTime, parseTimespan } from '../runtime/datetime.js';
import { dynamicToString, toDynamic, valueToString, type DynamicValue } from '../runtime/values.js';
import { canonical, checked, fromDouble, isSafe, parseIntegerText, type Long } from '../runtime/int64.js';
import { fromTickCount, fromTicks, toTicks, type TimeValue } from '../runtime/ticks.js';

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number written in text, or null. Accepts surrounding whitespace, not hex or thousands separators. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (NUMBER_TEXT.test(t)) return Number(t);
  if (/^[+-]?(?:inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(t)) return NaN;
  return null;
}

/** The 100 ns ticks of a timespan as an exact long: what tolong(timespan) returns (null outside int64). */
export function timespanToTicks(v: TimeValue): Long | null {
  if (typeof v === 'number' && Number.isInteger(v)) {
    const t = v * 10000;
    if (isSafe(t)) return t || 0;
  }
  return checked(toTicks(v));
}

/** Kusto ticks (100 ns) since 0001-01-01 of a datetime: what tolong(datetime) returns, exactly. */
export function datetimeToTicks(v: TimeValue): Long {
  return canonical(toTicks(v) - MIN_DATETIME_TICKS);
}

/** A real read from a number-like value: bigints (unsafe longs) become the nearest double. */
function asNumber(v: unknown, t: KqlType): number | null {
  if (v === null || v === undefined) return null;
  switch (t) {
    case 'int': case 'long': case 'real': case 'decimal':
      return typeof v === 'bigint' ? Number(v) : (v as number);
    case 'bool':
      return v ? 1 : 0;
    case 'string': case 'guid':
      return parseNumber(v as string);
    case 'datetime':
      return Number(datetimeToTicks(v as TimeValue));
    case 'timespan':
      return Number(toTicks(v as TimeValue));
    case 'dynamic':
      if (typeof v === 'number') return v;
      if (typeof v === 'bigint') return Number(v);
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'string') return parseNumber(v);
      return null;
  }
}

/**
 * A long from text: a decimal integer exactly (null outside int64, `tolong("9223372036854775808")`);
 * other numeric text (`"12.7"`, `"1e3"`) through its double, truncated.
 */
export function textToLong(text: string): Long | null {
  const exact = parseIntegerText(text);
  if (exact !== undefined) return exact;
  const n = parseNumber(text);
  return n === null ? null : fromDouble(n);
}

/** A long from any value of type t, exact; null when it does not convert or lies outside int64. */
function asLong(v: unknown, t: KqlType): Long | null {
  if (v === null || v === undefined) return null;
  switch (t) {
    case 'int': case 'long':
      return typeof v === 'bigint' ? canonical(v) : fromDouble(v as number);
    case 'string': case 'guid':
      return textToLong(v as string);
    case 'datetime':
      return datetimeToTicks(v as TimeValue);
    case 'timespan':
      return timespanToTicks(v as TimeValue);
    case 'dynamic':
      if (typeof v === 'number') return fromDouble(v);
      if (typeof v === 'bigint') return canonical(v);
      if (typeof v === 'string') return textToLong(v);
      break;
  }
  const n = asNumber(v, t);
  return n === null ? null : fromDouble(n);
}

const INT_MIN = -2147483648, INT_MAX = 2147483647;

/** toint/tolong: truncate toward zero; outside the target range (or not a number) -> null. Exact for long. */
export function toIntegerValue(v: unknown, t: KqlType, bits: 32 | 64): Long | null {
  const r = asLong(v, t);
  if (r === null) return null;
  if (bits === 32 && (typeof r === 'bigint' || r < INT_MIN || r > INT_MAX)) return null;
  return r;
}

/** A long as an int: itself within 32 bits, else null. */
export function int32(v: Long | null): number | null {
  return typeof v === 'number' && v >= INT_MIN && v <= INT_MAX ? v : null;
}

export function toRealValue(v: unknown, t: KqlType): number | null {
  return asNumber(v, t);
}

/** tobool: "true"/"false" (any case) and numbers (non-zero is true); anything else null. */
export function toBoolValue(v: unknown, t: KqlType): boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n; // a long beyond 2^53, never 0
  if (t === 'int' || t === 'long' || t === 'real' || t === 'decimal' || typeof v === 'number') {
    return Number.isNaN(v as number) ? null : (v as number) !== 0;
  }
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
    const n = parseNumber(s);
    return n === null || Number.isNaN(n) ? null : n !== 0;
  }
  return null;
}

/** todatetime: datetimes pass, text is parsed (exactly to the tick); numbers are not datetimes here (null). */
export function toDateTimeValue(v: unknown, t: KqlType): TimeValue | null {
  if (v === null || v === undefined) return null;
  if (t === 'datetime') return v as TimeValue;
  if (typeof v === 'string' && (t === 'string' || t === 'dynamic')) return parseDateTime(v);
  return null;
}

/**
 * totimespan: timespans pass, text is parsed, numbers are ticks (100 ns), exactly: a long of ticks (a bigint
 * beyond 2^53 too) keeps every tick; a real is rounded to the nearest tick.
 */
export function toTimespanValue(v: unknown, t: KqlType): TimeValue | null {
  if (v === null || v === undefined) return null;
  if (t === 'timespan') return v as TimeValue;
  if (typeof v === 'string' && (t === 'string' || t === 'dynamic')) return parseTimespan(v);
  if (typeof v === 'number' && t !== 'datetime' && Number.isFinite(v)) return fromTickCount(Math.round(v));
  if (typeof v === 'bigint' && t !== 'datetime') return fromTicks(v);
  return null;
}

/** A dynamic value read as a scalar of type t (for comparisons and iff/case unification). */
export function fromDynamic(v: unknown, t: KqlType): unknown {
  if (v === undefined) v = null;
  switch (t) {
    case 'dynamic':
      return v;
    case 'string':
      return dynamicToString(v as DynamicValue);
    case 'int': case 'long': {
      const n = typeof v === 'bigint' ? canonical(v) : typeof v === 'number' ? fromDouble(v) : null;
      // An int holds 32 bits: a larger value is null, never a wider number in an int column.
      return t === 'int' ? int32(n) : n;
    }
    case 'real': case 'decimal':
      return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null;
    case 'bool':
      return typeof v === 'boolean' ? v : null;
    case 'datetime':
      return typeof v === 'string' ? parseDateTime(v) : null;
    case 'timespan':
      return typeof v === 'string' ? parseTimespan(v) : null;
    case 'guid':
      return typeof v === 'string' ? v : null;
  }
}

const HEX32 = /^[0-9a-fA-F]{32}$/;
const DASHED = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A GUID in its canonical lower-case dashed form, or null. Accepts 32 hex digits, dashed, or either in {} / (). */
export function parseGuid(text: string): string | null {
  let t = text.trim();
  if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('(') && t.endsWith(')'))) t = t.slice(1, -1);
  if (HEX32.test(t)) t = `${t.slice(0, 8)}-${t.slice(8, 12)}-${t.slice(12, 16)}-${t.slice(16, 20)}-${t.slice(20)}`;
  return DASHED.test(t) ? t.toLowerCase() : null;
}

/**
 * A value of type `from` converted as the to*() function of type `to` converts it (tostring, tolong,
 * todatetime, todynamic, ...); used by functions that take a `typeof(T)` result type.
 */
export function castValue(v: unknown, from: KqlType, to: KqlType): unknown {
  if (from === to) return v;
  if (v === null || v === undefined) return to === 'string' ? '' : null;
  switch (to) {
    case 'string': return valueToString(v, from);
    case 'int': return toIntegerValue(v, from, 32);
    case 'long': return toIntegerValue(v, from, 64);
    case 'real': case 'decimal': return toRealValue(v, from);
    case 'bool': return toBoolValue(v, from);
    case 'datetime': return toDateTimeValue(v, from);
    case 'timespan': return toTimespanValue(v, from);
    case 'dynamic': return toDynamic(v, from);
    case 'guid': return typeof v === 'string' ? parseGuid(v) : null;
  }
}

/** Convert a value of type `from` to the (unified) type `to`; identity for numeric widening. */
export function convertTo(v: unknown, from: KqlType, to: KqlType): unknown {
  if (from === to) return v;
  if (from === 'dynamic') return fromDynamic(v, to);
  if (to === 'dynamic') return toDynamic(v, from);
  if (isNumericType(from) && isNumericType(to)) {
    // int/long -> real: an unsafe long (a bigint) becomes the nearest double.
    if (to === 'real' || to === 'decimal') return typeof v === 'bigint' ? Number(v) : v;
    if (from === 'int' && to === 'long') return v;
    // Narrowing (real -> long, long -> int, ...) as tolong/toint do: truncated, null outside the type's range.
    return toIntegerValue(v, from, to === 'int' ? 32 : 64);
  }
  return null;
}

/**
 * The result type of iff/case branches (checked against the official analyzer):
 * equal types stay; numeric types widen int -> long -> real; dynamic yields to the other type;
 * any other mix (string and long, datetime and timespan) becomes dynamic.
 */
export function unifyBranchTypes(types: KqlType[]): KqlType {
  const typed: KqlType[] = types.filter((t) => t !== 'dynamic');
  if (typed.length === 0) return 'dynamic';
  if (typed.every(isNumericType)) return typed.reduce(widerNumeric);
  return typed.every((t) => t === typed[0]) ? typed[0] : 'dynamic';
}

/** coalesce needs one common type: equal types, or numeric types that widen; otherwise undefined. */
export function strictCommonType(types: KqlType[]): KqlType | undefined {
  if (types.every(isNumericType)) return types.reduce(widerNumeric);
  return types.every((t) => t === types[0]) ? types[0] : undefined;
}

