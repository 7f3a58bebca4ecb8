import { defineScalar } from '../define.js';
import { toBigInt, type Long } from '../../runtime/int64.js';

/** Negative values print as 64-bit two's complement (tohex(-546) = "fffffffffffffdde"); optional minimum width. */
export const tohex = defineScalar({
  name: 'tohex',
  description: 'Hexadecimal text of an integer.',
  overloads: [{
    params: ['long', 'integer'], optional: 1, result: 'string', nulls: 'pass', exact: true,
    kernel: ([x, width]) => {
      if (x === null || x === undefined || width === null) return '';
      const hex = BigInt.asUintN(64, toBigInt(x as Long)).toString(16);
      return hex.padStart(width === undefined ? 0 : Number(width), '0');
    },
  }],
});
