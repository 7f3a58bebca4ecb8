import { defineScalar } from '../define.js';
import { isSafe, toBigInt, wrap, type Long } from '../../runtime/int64.js';

/** Half away from zero at the given number of decimal digits, using decimal text so 2.15 -> 2.2. */
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1, a = Math.abs(x);
  const scaled = String(a).includes('e') ? a * 10 ** digits : Number(`${a}e${digits}`);
  const r = Math.round(scaled); // ties go up; with a >= 0 that is away from zero
  const back = String(r).includes('e') ? r / 10 ** digits : Number(`${r}e${-digits}`);
  return sign * back || 0;
}

/** round over an integer: digits >= 0 keep it; negative digits round to tens, hundreds, ... exactly. */
function roundLong(x: Long, d: unknown): Long {
  const digits = d === undefined ? 0 : Number(d);
  if (!(digits < 0)) return x;
  if (typeof x === 'number') {
    const r = roundTo(x, digits);
    if (isSafe(r)) return r;
  }
  const p = 10n ** BigInt(Math.min(-digits, 20));
  const b = toBigInt(x);
  const q = b / p, rest = b % p;
  const away = 2n * (rest < 0n ? -rest : rest) >= p ? (b < 0n ? -1n : 1n) : 0n;
  return wrap((q + away) * p);
}

export const round = defineScalar({
  name: 'round',
  description: 'Rounds a number to the given number of decimal digits (default 0).',
  overloads: [
    // Integers stay integers (the analyzer types round(long, 2) as long); negative digits round to tens.
    { params: ['int', 'integer'], optional: 1, result: 'int', exact: true, kernel: ([x, d]) => roundLong(x as Long, d) },
    { params: ['long', 'integer'], optional: 1, result: 'long', exact: true, kernel: ([x, d]) => roundLong(x as Long, d) },
    { params: ['real', 'integer'], optional: 1, result: 'real', kernel: ([x, d]) => roundTo(x as number, (d as number | undefined) ?? 0) },
  ],
});
