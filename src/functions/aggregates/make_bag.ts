import { isPlainObject, type DynamicValue } from '../../runtime/values.js';
import type { Accumulator } from '../registry-types.js';
import { setOwn } from '../scalar/arrays_more.js';
import { defineAggregate, sizeLimit } from '../aggregate-define.js';

/**
 * make_bag(x [, maxSize]): the union of the property bags in the group (make-bag-aggregation-function.md).
 * Values that are not bags are ignored; when a key repeats, one of its values is kept (we keep the first).
 * An empty group gives an empty bag {}.
 */
export function bagBuilder(limit: number, withPredicate: boolean): () => Accumulator {
  return () => {
    const out: { [key: string]: DynamicValue } = Object.create(null) as { [key: string]: DynamicValue };
    let count = 0;
    return {
      add([v, p]) {
        if (withPredicate && p !== true) return;
        if (!isPlainObject(v)) return;
        for (const k of Object.keys(v)) {
          if (count >= limit) return;
          if (!Object.prototype.hasOwnProperty.call(out, k)) { out[k] = v[k]; count++; }
        }
      },
      result: () => {
        const copy: { [key: string]: DynamicValue } = {};
        for (const k of Object.keys(out)) setOwn(copy, k, out[k]);
        return [copy];
      },
    };
  };
}

export const make_bag = defineAggregate({
  name: 'make_bag',
  prefix: 'bag',
  description: 'Dynamic property bag merging the bags of the group.',
  params: ['dynamic', 'integer'], optional: 1, constants: [1],
  outputs: () => [{ type: 'dynamic' }],
  create: (args) => bagBuilder(sizeLimit(args, 1), false),
});

/** make_dictionary is the deprecated name of make_bag; the analyzer names its column dictionary_x. */
export const make_dictionary = defineAggregate({
  name: 'make_dictionary',
  prefix: 'dictionary',
  description: 'Deprecated alias of make_bag.',
  params: ['dynamic', 'integer'], optional: 1, constants: [1],
  outputs: () => [{ type: 'dynamic' }],
  create: (args) => bagBuilder(sizeLimit(args, 1), false),
});

export const make_bag_if = defineAggregate({
  name: 'make_bag_if',
  prefix: 'bag',
  description: 'Dynamic property bag merging the bags of the rows where the predicate is true.',
  params: ['dynamic', 'bool', 'integer'], optional: 1, constants: [2],
  outputs: () => [{ type: 'dynamic' }],
  create: (args) => bagBuilder(sizeLimit(args, 2), true),
});
