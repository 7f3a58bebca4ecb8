import { defineScalar } from '../define.js';

/**
 * split(source, delimiter[, index]): an array of the parts; with an index, an array holding just that
 * part, or an empty array when there is no such part. An empty delimiter leaves the source whole.
 */
export const split = defineScalar({
  name: 'split',
  description: 'Splits a string by a delimiter into a dynamic array of strings.',
  overloads: [{
    params: ['str', 'str', 'integer'], optional: 1, result: 'dynamic',
    kernel: ([s, d, index]) => {
      const parts = d === '' ? [s as string] : (s as string).split(d as string);
      if (index === undefined) return parts;
      const i = index as number;
      return i >= 0 && i < parts.length ? [parts[i]] : [];
    },
  }],
});
