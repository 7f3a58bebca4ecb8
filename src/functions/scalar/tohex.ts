import { defineScalar } from '../define.js';

/** Negative values print as 64-bit two's complement (tohex(-546) = "fffffffffffffdde"); optional minimum width. */
export const tohex = defineScalar({
  name: 'tohex',
  description: 'Hexadecimal text of an integer.',
  overloads: [{
    params: ['long', 'integer'], optional: 1, result: 'string', nulls: 'pass',
    kernel: ([x, width]) => {
      if (x === null || x === undefined || width === null) return '';
      const hex = BigInt.asUintN(64, BigInt(Math.trunc(x as number))).toString(16);
      return hex.padStart((width as number | undefined) ?? 0, '0');
    },
  }],
});
