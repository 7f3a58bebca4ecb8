/**
 * Keys for hash joins, grouping and distinct. Values of different types never collide,
 * dynamic values compare by content, and a null key is its own key (never the same as ""). Numbers and
 * bigints (longs beyond 2^53) are keyed by their decimal digits, so equal values give equal keys.
 */
import { dynamicKey, type DynamicValue } from './values.js';

export function keyOfValue(value: unknown): string {
  if (value === null || value === undefined) return '\u0000null';
  switch (typeof value) {
    case 'string':
      return 's' + value;
    case 'number':
      return 'n' + String(value);
    case 'bigint':
      // A long beyond 2^53 (src/runtime/int64.ts): its exact digits, in the numbers' key space, so it equals
      // a real of the same value (the double 2^53 and the long 2^53) and nothing else.
      return 'n' + String(value);
    case 'boolean':
      return value ? 'b1' : 'b0';
    default:
      return 'j' + dynamicKey(value as DynamicValue);
  }
}

// Reused by keyOfValues: nothing it calls can call it back.
const keyParts: string[] = [];

/**
 * One key for several values (multi-column group or join keys): each part's length, then the part.
 * Joined in one go, the key is one flat string: built with `+=`, a Map would keep a tree of a few dozen
 * string pieces per group alive (and the garbage collector would copy them all).
 */
export function keyOfValues(values: unknown[]): string {
  if (values.length === 1) return keyOfValue(values[0]);
  keyParts.length = 0;
  for (const v of values) {
    const k = keyOfValue(v);
    keyParts.push(String(k.length), k);
  }
  return keyParts.join(':');
}
