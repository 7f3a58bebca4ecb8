/** Ordering of values for sort and top: numbers and datetimes numerically, strings ordinally, dynamic by JSON text. */
import { dynamicKey, type DynamicValue } from './values.js';
import { compareNumeric } from './int64.js';
import { compareTime, type TimeValue } from './ticks.js';

/**
 * compareValues for two non-null datetimes (or two timespans): they are milliseconds or ticks
 * (src/runtime/ticks.ts) and must not meet in JS's `<`. Callers pick it by the column's type.
 */
export function compareTimeValues(a: unknown, b: unknown): number {
  return compareTime(a as TimeValue, b as TimeValue);
}

/** Compares two non-null values of the same column. */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
    if (Number.isNaN(b)) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return compareOther(a, b);
}

/** The rarer cases, kept out of compareValues so that it stays small enough to inline. */
function compareOther(a: unknown, b: unknown): number {
  // Longs beyond 2^53 are bigints (src/runtime/int64.ts): ordered by value among numbers.
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    return compareNumeric(a, b);
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const ka = typeof a === 'string' ? a : dynamicKey(a as DynamicValue);
  const kb = typeof b === 'string' ? b : dynamicKey(b as DynamicValue);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
