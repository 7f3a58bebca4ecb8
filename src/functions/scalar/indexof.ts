import { defineScalar } from '../define.js';

/**
 * indexof(source, lookup[, start[, length[, occurrence]]]): zero-based position of the occurrence-th match
 * at or after start, searching at most length characters (-1 = to the end); -1 when not found.
 * A negative start counts from the end.
 */
export const indexof = defineScalar({
  name: 'indexof',
  description: 'Zero-based index of the first occurrence of a string, or -1.',
  overloads: [{
    params: ['text', 'text', 'integer', 'integer', 'integer'], optional: 3, result: 'long',
    kernel: ([s, lookup, start, length, occurrence]) => {
      const text = s as string, n = lookup as string;
      let from = (start as number | undefined) ?? 0;
      if (from < 0) from = Math.max(0, text.length + from);
      if (from > text.length) return -1;
      const len = (length as number | undefined) ?? -1;
      const end = len < 0 ? text.length : Math.min(text.length, from + len);
      let k = (occurrence as number | undefined) ?? 1;
      if (k < 1) return null;
      for (let i = text.indexOf(n, from); i !== -1 && i + n.length <= end; i = text.indexOf(n, i + 1)) {
        if (--k === 0) return i;
      }
      return -1;
    },
  }],
});
