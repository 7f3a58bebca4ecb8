import { defineScalar } from '../define.js';

/**
 * array_sum(array) (array-sum-function.md): the sum of the elements as a real; an element that is not a
 * number (a null element included: UNCERTAIN) makes the result null, as does a value that is not an array.
 */
export const array_sum = defineScalar({
  name: 'array_sum',
  description: 'Sum of the numeric elements of a dynamic array, as a real (null when an element is not a number).',
  overloads: [{
    params: ['dynamic'], result: 'real',
    kernel: ([a]) => {
      if (!Array.isArray(a)) return null;
      let sum = 0;
      for (const x of a) {
        if (typeof x === 'number') sum += x;
        else if (typeof x === 'bigint') sum += Number(x); // an exact long beyond 2^53 (src/runtime/int64.ts)
        else return null;
      }
      return sum;
    },
  }],
});
