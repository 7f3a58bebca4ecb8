/**
 * contains startswith endswith has hasprefix hassuffix, each with _cs (case-sensitive) and ! (negated) forms.
 * Operands must be string (or guid) or dynamic (read with tostring rules: strings unquoted, null as ""),
 * as the official analyzer requires ("i has 'a'" is an error there).
 */
import type { BinaryOperator } from '../registry-types-operators.js';
import { textOf } from './comparison.js';
import { hasTerm } from './terms.js';

type Test = (text: string, needle: string, cs: boolean) => boolean;
const fold = (s: string, cs: boolean) => (cs ? s : s.toLowerCase());

const BASE: [string, string, Test][] = [
  ['contains', 'the right side occurs as a substring', (t, n, cs) => fold(t, cs).includes(fold(n, cs))],
  ['startswith', 'the left side starts with the right side', (t, n, cs) => fold(t, cs).startsWith(fold(n, cs))],
  ['endswith', 'the left side ends with the right side', (t, n, cs) => fold(t, cs).endsWith(fold(n, cs))],
  ['has', 'the right side is a whole term of the left side', (t, n, cs) => hasTerm(t, n, cs, 'whole')],
  ['hasprefix', 'the right side is a term prefix in the left side', (t, n, cs) => hasTerm(t, n, cs, 'prefix')],
  ['hassuffix', 'the right side is a term suffix in the left side', (t, n, cs) => hasTerm(t, n, cs, 'suffix')],
];

function stringOperator(op: string, description: string, test: Test, cs: boolean, negate: boolean): BinaryOperator {
  return {
    op,
    description,
    bind(l, r) {
      const tl = textOf(l.type), tr = textOf(r.type);
      if (!tl) return { error: `The operator '${op}' is not defined for ${l.type}; it needs a string.`, argIndex: 0 };
      if (!tr) return { error: `The operator '${op}' is not defined for ${r.type}; it needs a string.`, argIndex: 1 };
      return { type: 'bool', call: ([a, b]) => test(tl(a), tr(b), cs) !== negate };
    },
  };
}

export const STRING_OPERATORS: BinaryOperator[] = BASE.flatMap(([name, what, test]) => [
  stringOperator(name, `True when ${what}, ignoring case.`, test, false, false),
  stringOperator(`!${name}`, `True unless ${what}, ignoring case.`, test, false, true),
  stringOperator(`${name}_cs`, `True when ${what} (case-sensitive).`, test, true, false),
  stringOperator(`!${name}_cs`, `True unless ${what} (case-sensitive).`, test, true, true),
]);
