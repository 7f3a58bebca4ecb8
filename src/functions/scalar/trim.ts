import { defineScalar } from '../define.js';
import { compileRegex, searchMatcher } from '../regex.js';
import { checkPattern } from './extract.js';

/**
 * trim(regex, source), trim_start, trim_end (trim-function.md): remove every leading and/or trailing
 * match of the regex, i.e. ^(?:regex)+ and (?:regex)+$ in RE2. The source must be a string.
 */
function trimmer(name: 'trim' | 'trim_start' | 'trim_end', start: boolean, end: boolean) {
  return defineScalar({
    name,
    description: `Removes ${start && end ? 'leading and trailing' : start ? 'leading' : 'trailing'} matches of a regular expression (RE2).`,
    overloads: [{
      params: ['string', 'str'], result: 'string', check: checkPattern(0),
      kernel: ([pattern, source], ctx) => {
        let s = source as string;
        if (start) {
          const re = compileRegex(`^(?:${pattern as string})+`);
          if (!re) return s;
          const m = searchMatcher(re, s, { fn: name, ctx });
          if (m.find()) s = s.slice(m.end());
        }
        if (end) {
          const re = compileRegex(`(?:${pattern as string})+$`);
          if (!re) return s;
          const m = searchMatcher(re, s, { fn: name, ctx });
          // The leftmost match reaching the end covers every trailing repetition.
          if (m.find() && m.end() > m.start()) s = s.slice(0, m.start());
        }
        return s;
      },
    }],
  });
}

export const trim = trimmer('trim', true, true);
export const trim_start = trimmer('trim_start', true, false);
export const trim_end = trimmer('trim_end', false, true);
