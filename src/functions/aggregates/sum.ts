import type { KqlType } from '../../runtime/types.js';
import { isIntegerType } from '../../runtime/types.js';
import type { Accumulator } from '../registry-types.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';

/** int/long sum to long, real to real, timespan to timespan. */
export function sumType(t: KqlType): KqlType {
  return isIntegerType(t) ? 'long' : t;
}

/**
 * Nulls are skipped. A group with no non-null value sums to null here.
 * UNCERTAIN: Kusto may report 0 for an all-null group; verify against a real cluster.
 */
export function summer(withPredicate: boolean): () => Accumulator {
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
  create: () => summer(false),
});
