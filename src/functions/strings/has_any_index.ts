import { defineScalar } from '../define.js';
import { findTerm } from '../operators/terms.js';
import { dynamicToString, type DynamicValue } from '../../runtime/values.js';

/**
 * has_any_index(source, values) (has-any-index-function.md): the index of the first item of the values array
 * that is a whole term of source (as `has`, case-insensitive); -1 when none is or the array is empty. Items
 * are compared as their text (has_any_index("Example number 2", range(1, 3, 1)) = 1); null items never match.
 * A values argument that is not an array gives null.
 */
export const has_any_index = defineScalar({
  name: 'has_any_index',
  description: 'Index of the first array item found as a term in a string (as has), or -1.',
  overloads: [{
    params: ['str', 'dynamic'], result: 'long',
    kernel: ([source, values]) => {
      if (!Array.isArray(values)) return null;
      const text = (source as string).toLowerCase();
      for (let i = 0; i < values.length; i++) {
        const v = values[i] as DynamicValue;
        if (v === null) continue;
        if (findTerm(text, dynamicToString(v).toLowerCase())) return i;
      }
      return -1;
    },
  }],
});
