/**
 * Keys for hash joins, grouping and distinct. Values of different types never collide,
 * dynamic values compare by content, and a null key is its own key (never the same as ""). Numbers and
 * bigints (longs beyond 2^53) are keyed by their decimal digits, so equal values give equal keys.
 *
 * Datetimes and timespans (src/runtime/ticks.ts) are numbers of milliseconds or bigints of ticks: the same
 * digits mean different instants in the two forms (1 ms and 1 tick), so a key column of one of those types
 * says so (`time`), and its bigints get their own prefix. Canonical forms give one key per instant.
 */
import { dynamicKey, type DynamicValue } from './values.js';
import type { KqlType } from './types.js';

export function keyOfValue(value: unknown, time = false): string {
  if (value === null || value === undefined) return '\u0000null';
  switch (typeof value) {
    case 'string':
      return 's' + value;
    case 'number':
      return 'n' + String(value);
    case 'bigint':
      // A long beyond 2^53 (src/runtime/int64.ts): its exact digits, in the numbers' key space, so it equals
      // a real of the same value (the double 2^53 and the long 2^53) and nothing else. In a datetime or
      // timespan column, a count of ticks (never whole milliseconds).
      return (time ? 't' : 'n') + String(value);
    case 'boolean':
      return value ? 'b1' : 'b0';
    default:
      return 'j' + dynamicKey(value as DynamicValue);
  }
}

/** Which key columns hold datetimes or timespans, for keyOfValues; undefined when none does. */
export function timeColumns(types: readonly KqlType[]): boolean[] | undefined {
  const flags = types.map((t) => t === 'datetime' || t === 'timespan');
  return flags.some(Boolean) ? flags : undefined;
}

// Reused by keyOfValues: nothing it calls can call it back.
const keyParts: string[] = [];

/**
 * One key for several values (multi-column group or join keys): each part's length, then the part.
 * Joined in one go, the key is one flat string: built with `+=`, a Map would keep a tree of a few dozen
 * string pieces per group alive (and the garbage collector would copy them all). `time` from timeColumns().
 */
export function keyOfValues(values: unknown[], time?: readonly boolean[]): string {
  if (values.length === 1) return keyOfValue(values[0], time !== undefined && time[0]);
  keyParts.length = 0;
  for (let i = 0; i < values.length; i++) {
    const k = keyOfValue(values[i], time !== undefined && time[i]);
    keyParts.push(String(k.length), k);
  }
  return keyParts.join(':');
}
