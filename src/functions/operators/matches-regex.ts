/**
 * `text matches regex "pattern"`: true when the RE2 pattern matches anywhere in the text (case-sensitive,
 * as Kusto documents). A constant invalid pattern is rejected when the query is bound.
 */
import type { BinaryOperator } from '../registry-types-operators.js';
import { textOf } from './comparison.js';
import { compileRegex, regexError, searchMatcher } from '../regex.js';

export const MATCHES_REGEX: BinaryOperator = {
  op: 'matches regex',
  description: 'True when the right side, an RE2 regular expression, matches somewhere in the left side.',
  bind(l, r) {
    const tl = textOf(l.type), tr = textOf(r.type);
    if (!tl) return { error: `The operator 'matches regex' is not defined for ${l.type}; it needs a string.`, argIndex: 0 };
    if (!tr) return { error: `The pattern of 'matches regex' must be a string, not ${r.type}.`, argIndex: 1 };
    const bad = r.constant ? regexError(r.constant.value) : undefined;
    if (bad) return { error: bad, argIndex: 1, code: 'SEM_INVALID_ARGUMENT' };
    return {
      type: 'bool',
      call: ([a, b], ctx) => {
        const re = compileRegex(tr(b));
        return re === null ? null : searchMatcher(re, tl(a), { fn: 'matches regex', ctx }).find();
      },
    };
  },
};
