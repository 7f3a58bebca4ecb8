import type { KqlType } from '../../runtime/types.js';
import { toDynamic, type DynamicValue } from '../../runtime/values.js';
import type { Accumulator } from '../registry-types.js';
import { defineAggregate, sizeLimit } from '../aggregate-define.js';

/** All non-null values in input order; arrays are kept as elements (not flattened). */
export function listBuilder(type: KqlType, limit: number, withPredicate: boolean): () => Accumulator {
  return () => {
    const out: DynamicValue[] = [];
    return {
      add([v, p]) {
        if (withPredicate && p !== true) return;
        const d = toDynamic(v, type);
        if (d !== null && out.length < limit) out.push(d);
      },
      result: () => [out.slice()],
    };
  };
}

export const make_list = defineAggregate({
  name: 'make_list',
  aliases: ['makelist'],
  prefix: 'list',
  description: 'Dynamic array of all the values in the group.',
  params: ['any', 'integer'], optional: 1, constants: [1],
  outputs: () => [{ type: 'dynamic' }],
  create: (args) => listBuilder(args[0].type, sizeLimit(args, 1), false),
});
