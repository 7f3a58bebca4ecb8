import type { DynamicValue } from '../../runtime/values.js';
import { setOwn } from '../scalar/arrays_more.js';
import { defineScalar } from '../define.js';

/**
 * bag_zip(keys, values) (bag-zip.md): a property bag of keys[i] -> values[i]. Keys that are not strings are
 * skipped; missing values (or values not an array) are null; extra values are ignored; keys not an array
 * -> null. UNCERTAIN (not in the docs): a repeated key keeps its last value.
 */
export const bag_zip = defineScalar({
  name: 'bag_zip',
  description: 'A property bag built from an array of keys and an array of values.',
  overloads: [{
    params: ['dynamic', 'dynamic'], result: 'dynamic', nulls: 'pass',
    kernel: ([keys, values]) => {
      if (!Array.isArray(keys)) return null;
      const vs = Array.isArray(values) ? (values as DynamicValue[]) : [];
      const out: { [key: string]: DynamicValue } = {};
      keys.forEach((k, i) => {
        if (typeof k === 'string') setOwn(out, k, i < vs.length ? vs[i] : null);
      });
      return out;
    },
  }],
});
