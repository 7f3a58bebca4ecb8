/**
 * parse in simple and relaxed mode without the regex, when it is not needed: the pattern is constants,
 * `*` and columns that match any text (string, datetime, timespan, dynamic). Its regex is then
 * `^.*?c1(?P<p0>.*?)c2...$` (anchored, lazy), and a lazy match takes, for each constant in turn, its first
 * occurrence after the previous one: a later occurrence leaves less text for the rest, so it can only
 * fail where the first one fails. The last constant must end the text. So `indexOf` finds the same
 * captures as RE2, in one pass without a regex engine (test/operators/parse-literal.test.ts checks the
 * two against each other).
 */
import type { ParsePatternItem } from '../parser/ast.js';
import type { KqlType } from '../runtime/types.js';

/** The raw captures of the columns, in pattern order; undefined when the text does not match. */
export type LiteralMatcher = (text: string) => string[] | undefined;

/** A matcher for the pattern, or undefined when it needs the regex (a typed column, or `*` right after a column). */
export function literalMatcher(pattern: ParsePatternItem[], matchesAnyText: (type: KqlType) => boolean): LiteralMatcher | undefined {
  // Constants side by side are one constant: "a" "b" is searched for as "ab".
  const items: ParsePatternItem[] = [];
  for (const item of pattern) {
    const prev = items[items.length - 1];
    if (item.kind === 'literal' && prev?.kind === 'literal') items[items.length - 1] = { ...prev, value: prev.value + item.value };
    else items.push(item);
  }
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind !== 'column') continue;
    if (!matchesAnyText(item.type ?? 'string') || items[i + 1]?.kind === 'star') return undefined;
  }
  return (text) => {
    const captures: string[] = [];
    let pos = 0;
    // A `*` or a column before the next constant: that constant is searched for, not expected at pos.
    let open = false;
    let column = false;
    let captureStart = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.kind === 'star') {
        open = true;
        continue;
      }
      if (item.kind === 'column') {
        open = column = true;
        captureStart = pos;
        continue;
      }
      const constant = item.value;
      let at: number;
      if (i === items.length - 1) {
        at = text.length - constant.length;
        if (at < pos || (!open && at !== pos) || !text.startsWith(constant, at)) return undefined;
      } else if (open) {
        at = text.indexOf(constant, pos);
        if (at < 0) return undefined;
      } else {
        if (!text.startsWith(constant, pos)) return undefined;
        at = pos;
      }
      if (column) captures.push(text.slice(captureStart, at));
      open = column = false;
      pos = at + constant.length;
    }
    if (column) captures.push(text.slice(captureStart));
    else if (!open && pos !== text.length) return undefined;
    return captures;
  };
}
