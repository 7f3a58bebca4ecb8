import { defineScalar } from '../define.js';
import { toBigInt, type Long } from '../../runtime/int64.js';

/** Widest minimum length: tohex-function.md says larger ones are truncated to 16. */
const MAX_WIDTH = 16;

/** The hex digits of x as a `bits`-bit two's complement value, padded with zeros to the minimum length. */
function hex(x: unknown, width: unknown, bits: 32 | 64): string {
  if (x === null || x === undefined || width === null) return '';
  const digits = BigInt.asUintN(bits, toBigInt(x as Long)).toString(16);
  const w = width === undefined ? 0 : Math.min(Number(width), MAX_WIDTH);
  return digits.padStart(w, '0');
}

/**
 * tohex(x [, minLength]) (tohex-function.md): negative values print as two's complement of their own size, an int
 * in 8 digits (tohex(toint(-256), 8) = "ffffff00") and a long in 16 (tohex(-256) = "ffffffffffffff00");
 * minLength pads with zeros and is at most 16.
 */
export const tohex = defineScalar({
  name: 'tohex',
  description: 'Hexadecimal text of an integer (two\'s complement for negative values).',
  overloads: [
    {
      params: ['int', 'integer'], optional: 1, result: 'string', nulls: 'pass', exact: true,
      kernel: ([x, width]) => hex(x, width, 32),
    },
    {
      params: ['long', 'integer'], optional: 1, result: 'string', nulls: 'pass', exact: true,
      kernel: ([x, width]) => hex(x, width, 64),
    },
  ],
});
