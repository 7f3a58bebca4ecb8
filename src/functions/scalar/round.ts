import { defineScalar } from '../define.js';

/** Half away from zero at the given number of decimal digits, using decimal text so 2.15 -> 2.2. */
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1, a = Math.abs(x);
  const scaled = String(a).includes('e') ? a * 10 ** digits : Number(`${a}e${digits}`);
  const r = Math.round(scaled); // ties go up; with a >= 0 that is away from zero
  const back = String(r).includes('e') ? r / 10 ** digits : Number(`${r}e${-digits}`);
  return sign * back || 0;
}

export const round = defineScalar({
  name: 'round',
  description: 'Rounds a number to the given number of decimal digits (default 0).',
  overloads: [
    // Integers stay integers (the analyzer types round(long, 2) as long); negative digits round to tens.
    { params: ['int', 'integer'], optional: 1, result: 'int', kernel: ([x, d]) => roundTo(x as number, Math.min((d as number | undefined) ?? 0, 0)) },
    { params: ['long', 'integer'], optional: 1, result: 'long', kernel: ([x, d]) => roundTo(x as number, Math.min((d as number | undefined) ?? 0, 0)) },
    { params: ['real', 'integer'], optional: 1, result: 'real', kernel: ([x, d]) => roundTo(x as number, (d as number | undefined) ?? 0) },
  ],
});
