/**
 * The `long` (and `int`) representation: an exact signed 64-bit integer held as a JS `number` while it is a
 * safe integer (|v| <= 2^53 - 1) and as a `bigint` otherwise. The form is canonical: a safe value is never a
 * bigint and an unsafe one never a number, so two longs of the same value are `===`, and the common case stays
 * plain number arithmetic. This module is the only place that knows the rule; everything else calls it.
 *
 * Arithmetic wraps around in two's complement on overflow (as .NET's unchecked long arithmetic does, see
 * docs/semantics.md "Comparisons and arithmetic"). Every function here tolerates a non-canonical input
 * (an unsafe integer number, a small bigint) and returns a canonical result.
 */

/** A long value: a safe-integer number or an unsafe-integer bigint. */
export type Long = number | bigint;

export const MAX_SAFE = Number.MAX_SAFE_INTEGER;
export const INT64_MIN = -(1n << 63n);
export const INT64_MAX = (1n << 63n) - 1n;
/** 2^63 as a double: the first double above int64's range (-2^63 is its lowest value). */
const TWO_63 = 9223372036854775808;

const BIG_MAX_SAFE = BigInt(MAX_SAFE);
const BIG_MIN_SAFE = -BIG_MAX_SAFE;

/** True for a value that is a long in either form (a safe-integer number or any bigint). */
export function isLongValue(v: unknown): v is Long {
  return typeof v === 'bigint' || Number.isSafeInteger(v);
}

/** True for a number that needs no BigInt: a safe integer. */
export function isSafe(n: number): boolean {
  return n <= MAX_SAFE && n >= -MAX_SAFE;
}

/** The canonical form of an integer already known to be within int64. */
export function canonical(b: bigint): Long {
  return b <= BIG_MAX_SAFE && b >= BIG_MIN_SAFE ? Number(b) : b;
}

/** Wrap an integer of any size to int64 (two's complement) and make it canonical. */
export function wrap(b: bigint): Long {
  return canonical(BigInt.asIntN(64, b));
}

/** An integer within int64, canonical; null outside the range. */
export function checked(b: bigint): Long | null {
  return b > INT64_MAX || b < INT64_MIN ? null : canonical(b);
}

/** A long of any form (or an integral double) as a bigint. Throws on NaN/Infinity/fractions: callers check. */
export function toBigInt(v: Long): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** A long as a double (real): exact while safe, the nearest double otherwise. */
export function toNumber(v: Long): number {
  return typeof v === 'bigint' ? Number(v) : v;
}

/** Any number-or-bigint as a double: bigints converted, numbers unchanged. For `real` boundaries. */
export function asDouble(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}

/**
 * A double truncated toward zero to a long: the exact integer value of the double (not its nearest safe
 * neighbour), canonical. NaN, ±Infinity and values outside int64 give null.
 */
export function fromDouble(n: number): Long | null {
  if (!Number.isFinite(n)) return null;
  const t = Math.trunc(n);
  if (isSafe(t)) return t === 0 ? 0 : t; // no -0
  if (t >= TWO_63 || t < -TWO_63) return null;
  return BigInt(t);
}

const DECIMAL = /^[+-]?\d+$/;

/**
 * A decimal integer in text (optional sign, surrounding whitespace), exactly; null when it is not an integer
 * or lies outside int64 (`"9223372036854775808"`).
 */
export function parseLong(text: string): Long | null {
  const t = text.trim();
  return DECIMAL.test(t) ? parseDecimal(t) : null;
}

/** Trimmed text already known to match DECIMAL. Up to 15 digits is always safe: the cheap path. */
function parseDecimal(t: string): Long | null {
  if (t.length <= 15) return Number(t) || 0;
  return checked(BigInt(t));
}

/**
 * Text read as a long when it is a decimal integer (exactly; null outside int64), else undefined: the caller
 * falls back to reading it as a double. One trim and one regex test.
 */
export function parseIntegerText(text: string): Long | null | undefined {
  const t = text.trim();
  return DECIMAL.test(t) ? parseDecimal(t) : undefined;
}

/** The decimal text of a long (no `n` suffix). */
export function longToString(v: Long): string {
  return String(v);
}

// Arithmetic: a fast number path when both operands are numbers and the result is a safe integer, else
// exact BigInt arithmetic wrapped to int64. Operands must be integers (a NaN or fraction gives null).

function slow(a: Long, b: Long, op: (x: bigint, y: bigint) => bigint): Long | null {
  if (typeof a === 'number' && !Number.isInteger(a)) return null;
  if (typeof b === 'number' && !Number.isInteger(b)) return null;
  return wrap(op(toBigInt(a), toBigInt(b)));
}

export function add(a: Long, b: Long): Long | null {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return slow(a, b, (x, y) => x + y);
}

export function sub(a: Long, b: Long): Long | null {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return slow(a, b, (x, y) => x - y);
}

/** A product of safe integers that is itself within ±(2^53 - 1) is exact in doubles. */
export function mul(a: Long, b: Long): Long | null {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r === 0 ? 0 : r;
  }
  return slow(a, b, (x, y) => x * y);
}

/** Division truncating toward zero; by zero gives null; -2^63 / -1 wraps to -2^63. */
export function div(a: Long, b: Long): Long | null {
  if (b === 0) return null;
  if (typeof a === 'number' && typeof b === 'number') return Math.trunc(a / b) || 0; // exact for safe operands
  return slow(a, b, (x, y) => x / y);
}

/** Remainder with the sign of the dividend (truncated division); by zero gives null. */
export function mod(a: Long, b: Long): Long | null {
  if (b === 0) return null;
  if (typeof a === 'number' && typeof b === 'number') return a % b || 0;
  return slow(a, b, (x, y) => x % y);
}

/** Unary minus; -(-2^63) wraps to -2^63. */
export function neg(a: Long): Long {
  return typeof a === 'number' ? (a === 0 ? 0 : -a) : wrap(-a);
}

export function abs(a: Long): Long {
  return typeof a === 'number' ? Math.abs(a) : a < 0n ? wrap(-a) : a;
}

/**
 * Numeric equality of two numbers-or-bigints (a long against a real included): `===` when both have one form,
 * mathematical equality across forms (2^53 as a bigint equals the double 2^53).
 */
export function numericEquals(a: unknown, b: unknown): boolean {
  // eslint-disable-next-line eqeqeq
  return a === b || ((typeof a === 'bigint' || typeof b === 'bigint') && a == b);
}

/**
 * Order of two numbers-or-bigints, exact across forms (JS relational operators compare bigint and number by
 * mathematical value). NaN sorts before everything, equal to itself.
 */
export function compareNumeric(a: number | bigint, b: number | bigint): number {
  if (a !== a) return b !== b ? 0 : -1; // NaN
  if (b !== b) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Floor division (toward -Infinity) of integers, exact: what bin() needs for negative values. */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}
