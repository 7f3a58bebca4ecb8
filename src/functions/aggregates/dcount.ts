import type { KqlType } from '../../runtime/types.js';
import { dynamicKey, type DynamicValue } from '../../runtime/values.js';
import type { Accumulator } from '../registry-types.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';

/** Exact distinct count (Kusto's dcount is an estimate; the accuracy argument is accepted and ignored). */
export function distinctCounter(type: KqlType, withPredicate: boolean): () => Accumulator {
  const key = type === 'dynamic' ? (v: unknown) => dynamicKey(v as DynamicValue) : (v: unknown) => v;
  return () => {
    const seen = new Set<unknown>();
    return {
      add([v, p]) {
        if (withPredicate && p !== true) return;
        if (!isMissing(v)) seen.add(key(v));
      },
      result: () => [seen.size],
    };
  };
}

export const dcount = defineAggregate({
  name: 'dcount',
  description: 'Number of distinct non-null values (exact here; an estimate in Kusto).',
  params: ['any', 'integer'], optional: 1,
  outputs: () => [{ type: 'long' }],
  create: (args) => distinctCounter(args[0].type, false),
});
