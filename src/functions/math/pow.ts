import { defineScalar } from '../define.js';

/**
 * base ^ exponent as a real (also for integers, as the analyzer types it). JavaScript's ** differs from
 * .NET's Math.Pow only where IEEE 754 pow says 1: pow(1, NaN) and pow(-1, +-Infinity).
 */
export function powReal(b: number, e: number): number {
  if (b === 1) return 1;
  if (b === -1 && (e === Infinity || e === -Infinity)) return 1;
  return b ** e;
}

export const pow = defineScalar({
  name: 'pow',
  description: 'A number raised to a power, as a real.',
  overloads: [{ params: ['number', 'number'], result: 'real', kernel: ([b, e]) => powReal(b as number, e as number) }],
});
