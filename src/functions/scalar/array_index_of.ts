import { dynamicKey, toDynamic, type DynamicValue } from '../../runtime/values.js';
import { defineScalar } from '../define.js';

/** Position of the first element equal (by JSON content) to the value, -1 if none, null if not an array. */
export const array_index_of = defineScalar({
  name: 'array_index_of',
  description: 'Index of a value in a dynamic array, or -1.',
  overloads: [{
    params: ['dynamic', 'any'], result: 'long',
    kernel: ([arr, v], _c, info) => {
      if (!Array.isArray(arr)) return null;
      const k = dynamicKey(toDynamic(v, info[1].type));
      return arr.findIndex((e) => dynamicKey(e as DynamicValue) === k);
    },
  }],
});
