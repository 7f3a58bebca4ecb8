import { defineScalar } from '../define.js';
import { compileRegex, countMatches, regexError } from '../regex.js';

/**
 * countof(source, search [, kind]): plain matches may overlap (countof("aaaa", "aa") = 3); with kind "regex"
 * the search is an RE2 pattern and matches do not overlap (countof-function.md).
 */
export const countof = defineScalar({
  name: 'countof',
  description: 'Counts occurrences of a string (possibly overlapping) or of a regular expression (RE2, non-overlapping).',
  overloads: [{
    params: ['str', 'str', 'string'], optional: 1, constants: [2], result: 'long',
    check: (args) => {
      const kind = args[2]?.constant?.value ?? 'normal';
      if (kind !== 'normal' && kind !== 'regex') return { error: "The kind of countof must be 'normal' or 'regex'.", argIndex: 2 };
      const error = kind === 'regex' ? regexError(args[1]?.constant?.value) : undefined;
      return error ? { error, argIndex: 1, code: 'SEM_INVALID_ARGUMENT' } : undefined;
    },
    kernel: ([s, n, kind], ctx) => {
      const text = s as string, search = n as string;
      if (kind === 'regex') {
        const re = compileRegex(search);
        return re ? countMatches(re, text, { fn: 'countof', ctx }) : null;
      }
      if (search === '') return 0;
      let c = 0;
      for (let i = text.indexOf(search); i !== -1; i = text.indexOf(search, i + 1)) c++;
      return c;
    },
  }],
});
