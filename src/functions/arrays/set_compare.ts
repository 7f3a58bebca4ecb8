import { dynamicKey, toDynamic, type DynamicValue } from '../../runtime/values.js';
import { defineScalar } from '../define.js';

const keySet = (a: DynamicValue[]): Set<string> => new Set(a.map(dynamicKey));

/**
 * set_equals(set1, set2): whether two arrays hold the same distinct values (order and repeats ignored).
 * UNCERTAIN: no docs page; semantics from the name and Kusto's other set_* functions; not an array -> null.
 */
export const set_equals = defineScalar({
  name: 'set_equals',
  description: 'Whether two dynamic arrays hold the same distinct values, ignoring order and repeats.',
  overloads: [{
    params: ['dynamic', 'dynamic'], result: 'bool',
    kernel: ([a, b]) => {
      if (!Array.isArray(a) || !Array.isArray(b)) return null;
      const x = keySet(a as DynamicValue[]), y = keySet(b as DynamicValue[]);
      if (x.size !== y.size) return false;
      for (const k of x) if (!y.has(k)) return false;
      return true;
    },
  }],
});

/**
 * jaccard_index(set1, set2) (jaccard-index-function.md): |intersection| / |union| of the distinct values.
 * The analyzer types the result dynamic, so it is a dynamic number. UNCERTAIN: two empty sets give 0/0, a
 * real NaN (held in a dynamic as any non-finite real is); the docs do not say. Not an array -> null.
 */
export const jaccard_index = defineScalar({
  name: 'jaccard_index',
  description: 'The Jaccard index (|intersection| / |union|) of two dynamic arrays taken as sets.',
  overloads: [{
    params: ['dynamic', 'dynamic'], result: 'dynamic',
    kernel: ([a, b]) => {
      if (!Array.isArray(a) || !Array.isArray(b)) return null;
      const x = keySet(a as DynamicValue[]), y = keySet(b as DynamicValue[]);
      let common = 0;
      for (const k of x) if (y.has(k)) common++;
      const union = x.size + y.size - common;
      return union === 0 ? toDynamic(NaN, 'real') : common / union;
    },
  }],
});
