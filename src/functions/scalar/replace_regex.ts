import { defineScalar } from '../define.js';
import { compileRegex, replaceAllMatches } from '../regex.js';
import { checkPattern } from './extract.js';

/**
 * replace_regex(source, lookup_regex, rewrite): every match replaced by the rewrite, where \0 is the whole
 * match and \1..\9 the capture groups (replace-regex-function.md). An invalid regex gives "".
 */
export const replace_regex = defineScalar({
  name: 'replace_regex',
  description: 'Replaces every match of a regular expression (RE2) with a rewrite pattern (\\1 for group 1).',
  overloads: [{
    params: ['text', 'string', 'text'], result: 'string', check: checkPattern(1),
    kernel: ([source, pattern, rewrite], ctx) => {
      const re = compileRegex(pattern as string);
      return re ? replaceAllMatches(re, source as string, rewrite as string, { fn: 'replace_regex', ctx }) : '';
    },
  }],
});

/** replace(regex, rewrite, source): the deprecated form of replace_regex, arguments in another order; the regex must be a constant. */
export const replace = defineScalar({
  name: 'replace',
  description: 'Deprecated: replace(regex, rewrite, source), same as replace_regex(source, regex, rewrite).',
  overloads: [{
    params: ['string', 'text', 'text'], constants: [0], result: 'string', check: checkPattern(0),
    kernel: ([pattern, rewrite, source], ctx) => {
      const re = compileRegex(pattern as string);
      return re ? replaceAllMatches(re, source as string, rewrite as string, { fn: 'replace', ctx }) : '';
    },
  }],
});
