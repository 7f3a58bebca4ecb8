import type { KqlType } from '../../runtime/types.js';
import { dynamicKey, toDynamic, type DynamicValue } from '../../runtime/values.js';
import type { Accumulator } from '../registry-types.js';
import { defineAggregate, sizeLimit } from '../aggregate-define.js';

/**
 * Distinct values in first-seen order, compared by JSON content. Nulls are skipped. A dynamic array
 * argument contributes its elements (make-set-aggregation-function.md, "Set from array column").
 */
export function setBuilder(type: KqlType, limit: number, withPredicate: boolean): () => Accumulator {
  return () => {
    // Strings, booleans and finite numbers are their own keys (JS Set equality is JSON equality for them,
    // 0 and -0 included); arrays, bags and non-finite numbers are keyed by their JSON text.
    const seen = new Set<unknown>();
    const seenJson = new Set<string>();
    const out: DynamicValue[] = [];
    const put = (d: DynamicValue) => {
      if (d === null || out.length >= limit) return;
      if (typeof d === 'string' || typeof d === 'boolean' || (typeof d === 'number' && Number.isFinite(d))) {
        if (!seen.has(d)) { seen.add(d); out.push(d); }
        return;
      }
      const k = dynamicKey(d);
      if (!seenJson.has(k)) { seenJson.add(k); out.push(d); }
    };
    return {
      add([v, p]) {
        if (withPredicate && p !== true) return;
        const d = toDynamic(v, type);
        if (Array.isArray(d)) d.forEach(put);
        else put(d);
      },
      result: () => [out.slice()],
    };
  };
}

export const make_set = defineAggregate({
  name: 'make_set',
  aliases: ['makeset'],
  prefix: 'set',
  description: 'Dynamic array of the distinct values in the group.',
  params: ['any', 'integer'], optional: 1, constants: [1],
  outputs: () => [{ type: 'dynamic' }],
  create: (args) => setBuilder(args[0].type, sizeLimit(args, 1), false),
});
