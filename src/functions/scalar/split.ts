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
    // `split(s, d)[i]` (e.g. the last part of a path, [-1]) finds the one part instead of making them all.
    element: ([s, d, index], at) => {
      // With an index argument the array holds at most that one part (none for a negative index).
      if (index !== undefined) return (at === 0 || at === -1) && (index as number) >= 0 ? nthPart(s as string, d as string, index as number) : null;
      return nthPart(s as string, d as string, at);
    },
  }],
});

/** The part at `index` (negative: from the end) of `text` split by `delimiter`, as String.split makes them; null when there is none. */
function nthPart(text: string, delimiter: string, index: number): string | null {
  if (delimiter === '') return index === 0 || index === -1 ? text : null;
  // Parts are the text between delimiters found left to right, so a negative index needs the count first.
  let wanted = index;
  if (index < 0) {
    let count = 1;
    for (let at = text.indexOf(delimiter); at !== -1; at = text.indexOf(delimiter, at + delimiter.length)) count++;
    wanted = count + index;
    if (wanted < 0) return null;
  }
  let start = 0;
  for (let n = 0; n < wanted; n++) {
    const at = text.indexOf(delimiter, start);
    if (at === -1) return null;
    start = at + delimiter.length;
  }
  const end = text.indexOf(delimiter, start);
  return end === -1 ? text.slice(start) : text.slice(start, end);
}
