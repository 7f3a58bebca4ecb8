import { isPlainObject, type DynamicValue } from '../../runtime/values.js';
import type { ArgInfo, BindFailure, EvalContext } from '../registry-types.js';
import { defineScalar } from '../define.js';
import { castValue } from '../convert.js';
import { allMatches, compileRegex, firstMatch, regexError } from '../regex.js';

/** Reject a constant pattern that is not valid RE2 at bind time. */
export function checkPattern(index: number) {
  return (args: ArgInfo[]): BindFailure | undefined => {
    const e = regexError(args[index]?.constant?.value);
    return e ? { error: e, argIndex: index, code: 'SEM_INVALID_ARGUMENT' } : undefined;
  };
}

/** The text of capture group `group` of the first match; "" when there is none. */
function extractGroup(pattern: unknown, group: unknown, source: unknown, ctx: EvalContext): string {
  const re = compileRegex(pattern as string);
  const g = group as number | null;
  if (!re || g === null || g < 0) return '';
  return firstMatch(re, source as string, 0, { fn: 'extract', ctx })?.groups[g] ?? '';
}

/**
 * extract(regex, captureGroup, source [, typeof(T)]): the text of the capture group of the first match
 * (extract-function.md). No match, an unmatched group or a group out of range -> "" (strings have no null).
 * With a type, the text is converted as the to*() function of that type would (a failure is null).
 */
export const extract = defineScalar({
  name: 'extract',
  description: 'Text matched by a capture group of the first match of a regular expression (RE2), optionally converted to typeof(T).',
  overloads: [{
    params: ['string', 'integer', 'str'], result: 'string', check: checkPattern(0), nulls: 'pass',
    kernel: ([pattern, group, source], ctx) => extractGroup(pattern, group, source, ctx),
  }, {
    params: ['string', 'integer', 'str', 'type'], result: (args) => args[3].typeLiteral!, check: checkPattern(0), nulls: 'pass',
    kernel: ([pattern, group, source], ctx, info) => castValue(extractGroup(pattern, group, source, ctx), 'string', info[3].typeLiteral!),
  }],
});

function groupIndexes(selection: DynamicValue, named: Record<string, number>, count: number): number[] | null {
  if (!Array.isArray(selection)) return null;
  const out: number[] = [];
  for (const s of selection) {
    const g = typeof s === 'number' ? s : typeof s === 'string' && Object.prototype.hasOwnProperty.call(named, s) ? named[s] : NaN;
    if (!Number.isInteger(g) || g < 1 || g > count) return null;
    out.push(g);
  }
  return out.length ? out : null;
}

function extractAll(ctx: EvalContext, pattern: string, source: string, selection?: DynamicValue): DynamicValue {
  const re = compileRegex(pattern);
  if (!re) return null;
  const count = re.groupCount();
  let groups: number[] | null;
  if (selection === undefined) groups = count === 0 ? [0] : Array.from({ length: count }, (_, i) => i + 1);
  else groups = groupIndexes(selection, isPlainObject(re.namedGroups()) ? re.namedGroups() : {}, count);
  if (!groups) return null;
  const matches = allMatches(re, source, { fn: 'extract_all', ctx });
  if (matches.length === 0) return null;
  const gs = groups;
  return matches.map((m) => (gs.length === 1 ? m.groups[gs[0]] ?? '' : gs.map((g) => m.groups[g] ?? '')));
}

/**
 * extract_all(regex, [captureGroups,] source): every match (extract-all-function.md). One selected group ->
 * a flat array of strings; several -> an array of arrays. No match -> null. A regex without groups gives the
 * whole matches (UNCERTAIN: the docs require one to 16 groups).
 */
export const extract_all = defineScalar({
  name: 'extract_all',
  aliases: ['extractall'],
  description: 'All matches of a regular expression (RE2), as a dynamic array of capture-group texts.',
  overloads: [
    { params: ['string', 'text'], result: 'dynamic', check: checkPattern(0),
      kernel: ([p, s], ctx) => extractAll(ctx, p as string, s as string) },
    { params: ['string', 'dynamic', 'text'], result: 'dynamic', check: checkPattern(0),
      kernel: ([p, g, s], ctx) => extractAll(ctx, p as string, s as string, g as DynamicValue) },
  ],
});

/** indexof_regex(source, regex [, start]): position of the first match at or after start, -1 when none. */
export const indexof_regex = defineScalar({
  name: 'indexof_regex',
  description: 'Position of the first match of a regular expression (RE2), or -1.',
  overloads: [{
    params: ['text', 'string', 'integer'], optional: 1, result: 'long', check: checkPattern(1),
    nulls: 'pass',
    kernel: ([source, pattern, start], ctx) => {
      if (start === null) return null;
      const re = compileRegex(pattern as string);
      if (!re) return null;
      const s = source as string;
      const from = (start as number | undefined) ?? 0;
      if (from < 0 || from > s.length) return -1;
      return firstMatch(re, s, from, { fn: 'indexof_regex', ctx })?.start ?? -1;
    },
  }],
});
