/**
 * User regular expressions: always RE2 syntax through re2js (linear time, no backtracking), never JS RegExp.
 * Compiled patterns are cached by text; an invalid pattern compiles to null (callers return null / "").
 */
import { RE2JS, type Matcher } from 're2js';
import { KqlRuntimeError, ErrorCodes } from '../errors/index.js';
import type { EvalContext } from './registry-types.js';

/** A compiled pattern, or the reason it does not compile. */
type Compiled = { re: RE2JS } | { error: string };

const CACHE = new Map<string, Compiled>();
const MAX_CACHE = 512;

/**
 * Longest pattern we compile. RE2 itself refuses programs over its memory budget ("pattern too
 * large"); re2js has no such budget, and compiling a megabyte pattern takes seconds while matching
 * costs text length times pattern size. Real rules stay far below (the corpus's longest regex is
 * about 6,000 characters).
 */
export const MAX_REGEX_LENGTH = 65_536;

/** Compiles once per (flags, pattern); both the regex and the error text are cached. */
function compileCached(pattern: string, flags: number): Compiled {
  if (pattern.length > MAX_REGEX_LENGTH) {
    return { error: `The regular expression is too long (${pattern.length.toLocaleString('en-US')} characters; the limit is ${MAX_REGEX_LENGTH.toLocaleString('en-US')})` };
  }
  const key = `${flags}\u0000${pattern}`;
  let compiled = CACHE.get(key);
  if (compiled === undefined) {
    try {
      compiled = { re: RE2JS.compile(pattern, flags) };
    } catch (e) {
      const shown = pattern.length > 200 ? `${pattern.slice(0, 200)}...` : pattern;
      compiled = { error: `Invalid regular expression '${shown}': ${(e as Error).message}` };
    }
    if (CACHE.size >= MAX_CACHE) CACHE.clear();
    CACHE.set(key, compiled);
  }
  return compiled;
}

/** The compiled pattern, or null when it is not valid RE2 or too long (callers return null / ""). */
export function compileRegex(pattern: string, flags = 0): RE2JS | null {
  const compiled = compileCached(pattern, flags);
  return 're' in compiled ? compiled.re : null;
}

/**
 * Compiles a trusted built-in pattern (parse_user_agent's rule set) outside the shared cache, so a large fixed
 * set neither evicts user patterns nor is evicted; the caller keeps the result. Null when it does not compile.
 */
export function compileBuiltinRegex(pattern: string): RE2JS | null {
  try {
    return RE2JS.compile(pattern);
  } catch {
    return null;
  }
}

/** Bind-time check of a constant pattern: an error text when it is not valid RE2 or too long. */
export function regexError(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string') return undefined;
  const compiled = compileCached(pattern, 0);
  return 'error' in compiled ? compiled.error : undefined;
}

/**
 * The most steps one search may take, counted as the pattern's program size (RE2 instructions) times the
 * length of the text. RE2 is linear in the text but, in the worst case, proportional to the program size
 * for each character (its NFA, and its DFA when every character makes a new state): `(a...a!)+$` with a
 * 30,000-character body over 30,000 characters is 9e8 steps, about a minute in re2js. This budget is about
 * 0.15-0.3 s of the worst case; typical searches (the DFA, literal prefilters) run much faster. Past it
 * the search is refused with RUN_LIMIT_EXCEEDED naming the function (docs/reliability.md).
 */
export const MAX_REGEX_WORK = 10_000_000;
/** Regex steps per unit of the run's guard ticks (a unit is roughly one row of a simple operator). */
const STEPS_PER_TICK = 64;

/** Who is searching, for the error message and the deadline: the function's name and the run's context. */
export interface RegexSearch {
  fn: string;
  ctx?: EvalContext;
}

/**
 * Checks one search of `text` (from `from`) against MAX_REGEX_WORK, then reports its worst-case work to the
 * run's guard, so a passed deadline is seen before a long search starts.
 */
export function chargeRegex(re: RE2JS, text: string, search: RegexSearch | undefined, from = 0): void {
  const length = Math.max(0, text.length - from);
  const size = re.programSize();
  const steps = size * length;
  if (steps > MAX_REGEX_WORK) {
    const fmt = (n: number) => n.toLocaleString('en-US');
    throw new KqlRuntimeError(
      ErrorCodes.RUN_LIMIT_EXCEEDED,
      `${search?.fn ?? 'A regular expression'}: searching ${fmt(length)} characters with a pattern of ${fmt(size)} RE2 instructions may take ${fmt(steps)} steps, more than the limit of ${fmt(MAX_REGEX_WORK)} for one search (MAX_REGEX_WORK); use a shorter pattern or a shorter text`,
    );
  }
  if (steps >= STEPS_PER_TICK) search?.ctx?.guard?.tick(Math.floor(steps / STEPS_PER_TICK));
}

/** `re.matcher(text)` after chargeRegex: for callers that drive the matcher themselves. */
export function searchMatcher(re: RE2JS, text: string, search: RegexSearch | undefined): Matcher {
  chargeRegex(re, text, search);
  return re.matcher(text);
}

export interface RegexMatch {
  start: number;
  end: number;
  /** Group texts; index 0 is the whole match; an unmatched group is null. */
  groups: (string | null)[];
}

/** Every non-overlapping match, left to right (an empty match advances one character). */
export function allMatches(re: RE2JS, text: string, search?: RegexSearch, limit = Infinity): RegexMatch[] {
  const out: RegexMatch[] = [];
  const m = searchMatcher(re, text, search);
  let from = 0;
  while (out.length < limit && from <= text.length && m.find(from)) {
    const groups: (string | null)[] = [];
    for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g));
    const start = m.start(), end = m.end();
    out.push({ start, end, groups });
    from = end > start ? end : end + 1;
  }
  return out;
}

/** How many non-overlapping matches allMatches would find, without collecting them. */
export function countMatches(re: RE2JS, text: string, search?: RegexSearch): number {
  const m = searchMatcher(re, text, search);
  let count = 0;
  let from = 0;
  while (from <= text.length && m.find(from)) {
    count++;
    const start = m.start(), end = m.end();
    from = end > start ? end : end + 1;
  }
  return count;
}

export function firstMatch(re: RE2JS, text: string, from = 0, search?: RegexSearch): RegexMatch | undefined {
  if (from > text.length) return undefined;
  chargeRegex(re, text, search, from);
  const m = re.matcher(text);
  if (!m.find(from)) return undefined;
  const groups: (string | null)[] = [];
  for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g));
  return { start: m.start(), end: m.end(), groups };
}

/**
 * Kusto's rewrite patterns (replace_regex): \0 is the whole match, \1..\9 the capture groups;
 * any other character is literal. An unmatched group is replaced by "".
 */
export function expandRewrite(rewrite: string, groups: (string | null)[]): string {
  let out = '';
  for (let i = 0; i < rewrite.length; i++) {
    const c = rewrite[i];
    if (c === '\\' && i + 1 < rewrite.length && rewrite[i + 1] >= '0' && rewrite[i + 1] <= '9') {
      out += groups[Number(rewrite[i + 1])] ?? '';
      i++;
    } else {
      out += c;
    }
  }
  return out;
}

export function replaceAllMatches(re: RE2JS, text: string, rewrite: string, search?: RegexSearch): string {
  let out = '', last = 0;
  for (const m of allMatches(re, text, search)) {
    out += text.slice(last, m.start) + expandRewrite(rewrite, m.groups);
    last = m.end;
  }
  return out + text.slice(last);
}
