import { defineScalar } from '../define.js';

/**
 * The matches of the lookups in text, by priority: every match of lookups[0] (left to right, not
 * overlapping), then the matches of lookups[1] that overlap none already taken, and so on
 * (replace-strings-function.md: "the earlier match takes the precedence", so with lookups
 * ['is', 'This'] the 'is' inside 'This' wins). `owner[i]` is 1 + the lookup index of the match starting at i.
 * Work is O(lookups x text length) plus the substring searches.
 */
function matches(text: string, lookups: unknown[]): Int32Array {
  const n = text.length;
  const owner = new Int32Array(n);
  const covered = new Uint8Array(n + 1);
  // nextCovered[i]: the first covered position at or after i (n when none), rebuilt before a lookup that
  // occurs in the text when an earlier one took matches.
  const nextCovered = new Int32Array(n + 1);
  nextCovered.fill(n);
  let stale = false;
  for (let k = 0; k < lookups.length; k++) {
    const needle = lookups[k];
    if (typeof needle !== 'string' || needle === '' || needle.length > n) continue;
    let i = text.indexOf(needle);
    if (i === -1) continue;
    if (stale) {
      nextCovered[n] = n;
      for (let j = n - 1; j >= 0; j--) nextCovered[j] = covered[j] ? j : nextCovered[j + 1];
      stale = false;
    }
    const len = needle.length;
    while (i !== -1) {
      if (nextCovered[i] >= i + len) {
        owner[i] = k + 1;
        covered.fill(1, i, i + len);
        stale = true;
        i = text.indexOf(needle, i + len);
      } else {
        i = text.indexOf(needle, i + 1);
      }
    }
  }
  return owner;
}

/**
 * replace_strings(text, lookups, rewrites) (replace-strings-function.md): every match of a lookup replaced by
 * the rewrite at the same index. Lookups that are not strings (or are empty) are ignored; a match whose rewrite
 * is not a string (or is missing) keeps its text and still blocks the other lookups there.
 * Lookups or rewrites that are not arrays give "" (strings are never null).
 */
export const replace_strings = defineScalar({
  name: 'replace_strings',
  description: 'Replaces every match of each lookup string by its rewrite; earlier lookups take precedence.',
  overloads: [{
    params: ['str', 'dynamic', 'dynamic'], result: 'string',
    kernel: ([text, lookups, rewrites]) => {
      if (!Array.isArray(lookups) || !Array.isArray(rewrites)) return '';
      const s = text as string;
      const owner = matches(s, lookups);
      let out = '';
      let last = 0;
      for (let i = 0; i < s.length; i++) {
        const k = owner[i];
        if (k === 0) continue;
        const needle = lookups[k - 1] as string;
        const rewrite = rewrites[k - 1];
        out += s.slice(last, i) + (typeof rewrite === 'string' ? rewrite : needle);
        last = i + needle.length;
        i = last - 1;
      }
      return out + s.slice(last);
    },
  }],
});
