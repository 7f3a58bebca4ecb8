import { defineScalar } from '../define.js';

/**
 * substring(source, start[, length]): a negative start counts from the end; start and length are
 * clamped to the string, so out-of-range requests give "" rather than an error. A null start or
 * length gives "" (strings have no null).
 */
export const substring = defineScalar({
  name: 'substring',
  description: 'Extracts a substring from a start index, optionally of a given length.',
  overloads: [{
    params: ['str', 'integer', 'integer'], optional: 1, result: 'string', nulls: 'pass',
    kernel: ([s, start, length]) => {
      const text = s as string;
      if (start === null || start === undefined || length === null) return '';
      let from = start as number;
      if (from < 0) from = Math.max(0, text.length + from);
      if (from >= text.length) return '';
      const count = length === undefined ? text.length - from : Math.max(0, length as number);
      return text.slice(from, from + count);
    },
  }],
});
