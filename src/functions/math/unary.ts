/** A real function of one number: int, long, real or decimal in (the analyzer accepts decimal), real out. */
import { defineScalar } from '../define.js';
import type { ScalarFunction } from '../registry-types.js';

export function realUnary(name: string, description: string, fn: (x: number) => number | null): ScalarFunction {
  return defineScalar({
    name,
    description,
    overloads: [{ params: ['number'], result: 'real', kernel: ([x]) => fn(x as number) }],
  });
}
