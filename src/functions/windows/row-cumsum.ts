/**
 * row_cumsum(term[, restart]) of a serialized row set (row-cumsum-function.md): the running sum of term over
 * the rows so far, set back to 0 before the rows where restart is true. The result has the term's type: int
 * sums wrap around at 32 bits, long sums are exact 64-bit integers wrapping at 64 bits (like +), real and
 * decimal sums are doubles. A null term adds nothing (the row gets the sum so far); a null restart is false.
 * Like row_number, the function reads the operator's rows through the row cursor (row-state.ts); outside the
 * row-by-row operators (extend, project, where, serialize) it gives null, and serialized input is not checked.
 */
import { resolve, type Overload } from '../define.js';
import { add, type Long } from '../../runtime/int64.js';
import type { KqlType } from '../../runtime/types.js';
import type { ScalarFunction } from '../registry-types.js';
import { RowWalk } from './row-state.js';

const OVERLOAD: Overload = {
  params: ['number', 'bool'],
  optional: 1,
  result: (args) => args[0].type,
  nulls: 'pass',
  exact: true,
  kernel: () => null,
};

/** The sum's addition for a term type: (total, value) -> total. */
function adder(type: KqlType): (total: unknown, v: unknown) => unknown {
  if (type === 'int') return (t, v) => ((t as number) + (v as number)) | 0;
  if (type === 'long') return (t, v) => add(t as Long, v as Long) ?? t;
  return (t, v) => (t as number) + (typeof v === 'bigint' ? Number(v) : (v as number));
}

export const row_cumsum: ScalarFunction = {
  name: 'row_cumsum',
  readsRowWindow: true,
  minArgs: 1,
  maxArgs: 2,
  description: 'The cumulative sum of a numeric term over the rows of a serialized row set so far, optionally restarting at 0.',
  bind(args) {
    const o = resolve('row_cumsum', [OVERLOAD], args);
    if ('error' in o) return o;
    const type = args[0].type;
    const plus = adder(type);
    const walk = new RowWalk();
    let total: unknown = 0;
    return {
      type,
      call: (values, ctx) => {
        const visit = walk.step(ctx);
        if (!visit) return null;
        if (!visit.continues || values[1] === true) total = 0;
        const v = values[0];
        if (v !== null && v !== undefined) total = plus(total, v);
        return total;
      },
    };
  },
};
