import type { Accumulator } from '../registry-types.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';
import { HllSketch, hashKey, precisionOf, valueKey } from '../sketches/hll-core.js';

/**
 * hll(x [, accuracy]) / hll_if(x, predicate [, accuracy]): the distinct-count sketch of the group
 * (src/functions/sketches/hll-core.ts); hll_merge(sketch): the union of the sketches of the group. Nulls are
 * skipped as dcount() skips them; an hll_merge input that is not a sketch is skipped (UNCERTAIN).
 */
export const hll = defineAggregate({
  name: 'hll',
  description: 'Distinct-count sketch of the values of the group, for dcount_hll() and hll_merge().',
  params: ['any', 'integer'], optional: 1,
  outputs: () => [{ type: 'dynamic' }],
  create: (args) => sketcher(args[0].type, precisionOf(args[1]?.constant?.value), false),
});

export const hll_if = defineAggregate({
  name: 'hll_if',
  description: 'Distinct-count sketch of the values of rows where the predicate is true.',
  params: ['any', 'bool', 'integer'], optional: 1,
  outputs: () => [{ type: 'dynamic' }],
  create: (args) => sketcher(args[0].type, precisionOf(args[2]?.constant?.value), true),
});

function sketcher(type: Parameters<typeof valueKey>[1], p: number, withPredicate: boolean): () => Accumulator {
  return () => {
    const sketch = new HllSketch(p);
    return {
      add([v, q]) {
        if (withPredicate && q !== true) return;
        if (!isMissing(v)) sketch.addHash(hashKey(valueKey(v, type)));
      },
      result: () => [sketch.toDynamic()],
    };
  };
}

export const hll_merge = defineAggregate({
  name: 'hll_merge',
  description: 'Merges the hll sketches of the group into one.',
  params: ['dynamic'],
  outputs: () => [{ type: 'dynamic' }],
  create: () => () => {
    let merged: HllSketch | undefined;
    return {
      add([v]) {
        const s = HllSketch.fromDynamic(v);
        if (!s) return;
        if (merged) merged.merge(s);
        else merged = s;
      },
      result: () => [merged ? merged.toDynamic() : null],
    };
  },
});
