import { defineScalar } from '../define.js';

/** ceiling keeps its argument's type (the analyzer: int -> int, long -> long, real -> real, decimal -> decimal). */
export const ceiling = defineScalar({
  name: 'ceiling',
  description: 'Smallest integer greater than or equal to a number, in the number\'s type.',
  overloads: [
    // An integer is its own ceiling; exact keeps longs beyond 2^53 as they are.
    { params: ['int'], result: 'int', exact: true, kernel: ([x]) => x },
    { params: ['long'], result: 'long', exact: true, kernel: ([x]) => x },
    { params: ['real'], result: 'real', kernel: ([x]) => Math.ceil(x as number) || 0 },
    { params: ['decimal'], result: 'decimal', kernel: ([x]) => Math.ceil(x as number) || 0 },
  ],
});
