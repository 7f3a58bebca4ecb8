import type { KqlType } from '../../runtime/types.js';
import { isIntegerType } from '../../runtime/types.js';
import type { Accumulator } from '../registry-types.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';
import { add, type Long } from '../../runtime/int64.js';
import { addTime, type TimeValue } from '../../runtime/ticks.js';

/** int/long sum to long, real to real, timespan to timespan. */
export function sumType(t: KqlType): KqlType {
  return isIntegerType(t) ? 'long' : t;
}

/**
 * Nulls are skipped. A group with no non-null value sums to null here.
 * UNCERTAIN: Kusto may report 0 for an all-null group; verify against a real cluster.
 * int/long sums are exact 64-bit integers (src/runtime/int64.ts): number additions while the total is a
 * safe integer, BigInt beyond, wrapping around on overflow like the + operator.
 */
export function summer(withPredicate: boolean, type?: KqlType): () => Accumulator {
  if (type !== undefined && isIntegerType(type)) {
    return () => {
      let total: Long | null = null;
      return {
        add([v, p]) {
          if (withPredicate && p !== true) return;
          if (isMissing(v)) return;
          if (total === null) total = v as Long;
          else {
            const t = total, x = v as Long;
            if (typeof t === 'number' && typeof x === 'number') {
              const r = t + x;
              total = r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER ? r : add(t, x);
            } else {
              total = add(t, x);
            }
          }
        },
        result: () => [total],
      };
    };
  }
  if (type === 'timespan') {
    // Exact ticks (src/runtime/ticks.ts): whole milliseconds add as numbers.
    return () => {
      let total: TimeValue | null = null;
      return {
        add([v, p]) {
          if (withPredicate && p !== true) return;
          if (!isMissing(v)) total = total === null ? (v as TimeValue) : addTime(total, v as TimeValue);
        },
        result: () => [total],
      };
    };
  }
  return () => {
    let total: number | null = null;
    return {
      add([v, p]) {
        if (withPredicate && p !== true) return;
        if (!isMissing(v)) total = (total ?? 0) + (v as number);
      },
      result: () => [total],
    };
  };
}

export const sum = defineAggregate({
  name: 'sum',
  description: 'Sum of the non-null values.',
  params: ['number'],
  alternatives: [['timespan']],
  outputs: (args) => [{ type: sumType(args[0].type) }],
  create: (args) => summer(false, args[0].type),
});
