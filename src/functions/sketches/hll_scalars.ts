import { defineScalar } from '../define.js';
import { HllSketch } from './hll-core.js';

/** dcount_hll(sketch): the distinct count an hll sketch holds; null for a value that is not a sketch (UNCERTAIN). */
export const dcount_hll = defineScalar({
  name: 'dcount_hll',
  description: 'Distinct count from an hll sketch made by hll(), hll_if() or hll_merge().',
  overloads: [{
    params: ['dynamic'], result: 'long',
    kernel: ([v]) => HllSketch.fromDynamic(v)?.count() ?? null,
  }],
});

/** hll_merge(s1, s2, ...): the union of 2 to 16 hll sketches; nulls and non-sketches are skipped, none left gives null. */
export const hll_merge_scalar = defineScalar({
  name: 'hll_merge',
  description: 'Merges 2 to 16 hll sketches into one.',
  overloads: [{
    params: ['dynamic', 'dynamic'], rest: 'dynamic', maxArgs: 16, result: 'dynamic', nulls: 'pass',
    kernel: (vs) => {
      let merged: HllSketch | undefined;
      for (const v of vs) {
        const s = HllSketch.fromDynamic(v);
        if (!s) continue;
        if (merged) merged.merge(s);
        else merged = s;
      }
      return merged ? merged.toDynamic() : null;
    },
  }],
});
