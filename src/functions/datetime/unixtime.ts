import { inDateTimeRange } from '../../runtime/datetime.js';
import { fromTicks, type TimeValue } from '../../runtime/ticks.js';
import { defineScalar, type ScalarSpec } from '../define.js';

/**
 * unixtime_{seconds,milliseconds,microseconds,nanoseconds}_todatetime(n): the datetime `n` units after
 * 1970-01-01. Exact to the tick: a long (a bigint beyond 2^53) is read as it is, and a real as the decimal
 * number it prints as (so 1.1234567 seconds is .1234567, not the double's binary neighbour). A fraction of a
 * tick is dropped (truncated toward zero). NaN, infinities and results outside 0001-01-01 .. 9999-12-31 give null.
 */

/** Ticks per unit, as a power of ten: seconds 10^7, milliseconds 10^4, microseconds 10^1, nanoseconds 10^-2. */
type Scale = 7 | 4 | 1 | -2;

/** Far beyond the datetime range (about 3.2e11 seconds either side of 1970) in any unit: null without work. */
const LIMIT: Record<Scale, number> = { 7: 1e12, 4: 1e15, 1: 1e18, '-2': 1e21 };

function toDateTime(n: number | bigint, scale: Scale): TimeValue | null {
  if (typeof n === 'number') {
    if (!(Math.abs(n) < LIMIT[scale])) return null; // NaN and infinities too
    // Whole milliseconds in doubles: every operand and result below is a safe integer.
    if (scale === 4 && Number.isInteger(n)) return checkRange(n || 0);
    if (scale === 7 && Number.isInteger(n)) return checkRange(n * 1000 || 0);
    return checkRange(fromTicks(scaledTicks(n, scale)));
  }
  const ticks = scale >= 0 ? n * 10n ** BigInt(scale) : n / 10n ** BigInt(-scale); // bigint division truncates toward zero
  return checkRange(fromTicks(ticks));
}

function checkRange(v: TimeValue): TimeValue | null {
  return inDateTimeRange(v) ? v : null;
}

/**
 * n * 10^scale truncated toward zero, computed on the decimal digits of n's shortest text (String(n) is
 * exact for what the user wrote: 1.1234567, 1e-7, 1546300800.5).
 */
function scaledTicks(n: number, scale: number): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) return 0n; // unreachable for finite numbers
  const [, sign, whole, frac = '', exp = '0'] = m;
  // n = digits * 10^(exponent), with digits = whole ++ frac as an integer.
  const digits = BigInt(whole + frac);
  const exponent = Number(exp) - frac.length + scale;
  const t = exponent >= 0 ? digits * 10n ** BigInt(exponent) : digits / 10n ** BigInt(-exponent);
  return sign ? -t : t;
}

function unixtime(name: string, unit: string, scale: Scale): ScalarSpec {
  return {
    name,
    description: `The datetime a number of ${unit} after the Unix epoch (1970-01-01), exact to the tick.`,
    overloads: [
      { params: ['number'], result: 'datetime', exact: true, kernel: ([n]) => toDateTime(n as number | bigint, scale) },
    ],
  };
}

export const unixtime_seconds_todatetime = defineScalar(unixtime('unixtime_seconds_todatetime', 'seconds', 7));
export const unixtime_milliseconds_todatetime = defineScalar(unixtime('unixtime_milliseconds_todatetime', 'milliseconds', 4));
export const unixtime_microseconds_todatetime = defineScalar(unixtime('unixtime_microseconds_todatetime', 'microseconds', 1));
export const unixtime_nanoseconds_todatetime = defineScalar(unixtime('unixtime_nanoseconds_todatetime', 'nanoseconds', -2));
