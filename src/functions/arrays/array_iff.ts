import type { KqlType } from '../../runtime/types.js';
import { toDynamic, type DynamicValue } from '../../runtime/values.js';
import { defineScalar } from '../define.js';

/** The condition of one element: a bool, or a number (true when not 0); anything else -> undefined (null result). */
function truth(c: DynamicValue): boolean | undefined {
  if (typeof c === 'boolean') return c;
  if (typeof c === 'number') return c !== 0;
  if (typeof c === 'bigint') return c !== 0n;
  return undefined;
}

/**
 * array_iff(conditions, when_true, when_false) (array-iff-function.md; alias array_iif): element-wise iff.
 * A branch that is an array gives its element at the same index (null past its end); any other value is
 * used for every element. The result has the conditions' length; conditions not an array -> null.
 */
export const array_iff = defineScalar({
  name: 'array_iff',
  aliases: ['array_iif'],
  description: 'Element-wise iff over a dynamic array of conditions, picking from arrays or scalar values.',
  overloads: [{
    params: ['dynamic', 'any', 'any'], result: 'dynamic', nulls: 'pass',
    kernel: ([conds, t, f], _ctx, info) => {
      if (!Array.isArray(conds)) return null;
      const pick = (v: unknown, type: KqlType): ((i: number) => DynamicValue) => {
        if (Array.isArray(v)) return (i) => (i < v.length ? (v[i] as DynamicValue) : null);
        const d = toDynamic(v, type);
        return () => d;
      };
      const whenTrue = pick(t, info[1].type), whenFalse = pick(f, info[2].type);
      return (conds as DynamicValue[]).map((c, i) => {
        const b = truth(c);
        return b === undefined ? null : b ? whenTrue(i) : whenFalse(i);
      });
    },
  }],
});
