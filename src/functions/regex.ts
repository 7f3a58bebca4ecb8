/**
 * User regular expressions: always RE2 syntax through re2js (linear time, no backtracking), never JS RegExp.
 * Compiled patterns are cached by text; an invalid pattern compiles to null (callers return null / "").
 */
import { RE2JS } from 're2js';

const CACHE = new Map<string, RE2JS | null>();
const MAX_CACHE = 512;

export function compileRegex(pattern: string, flags = 0): RE2JS | null {
  const key = `${flags}\u0000${pattern}`;
  let re = CACHE.get(key);
  if (re === undefined) {
    try {
      re = RE2JS.compile(pattern, flags);
    } catch {
      re = null;
    }
    if (CACHE.size >= MAX_CACHE) CACHE.clear();
    CACHE.set(key, re);
  }
  return re;
}

/** Bind-time check of a constant pattern: an error text when it is not valid RE2. */
export function regexError(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string') return undefined;
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (e) {
    return `Invalid regular expression '${pattern}': ${(e as Error).message}`;
  }
}

export interface RegexMatch {
  start: number;
  end: number;
  /** Group texts; index 0 is the whole match; an unmatched group is null. */
  groups: (string | null)[];
}

/** Every non-overlapping match, left to right (an empty match advances one character). */
export function allMatches(re: RE2JS, text: string, limit = Infinity): RegexMatch[] {
  const out: RegexMatch[] = [];
  const m = re.matcher(text);
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

export function firstMatch(re: RE2JS, text: string, from = 0): RegexMatch | undefined {
  const m = re.matcher(text);
  if (from > text.length || !m.find(from)) return undefined;
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

export function replaceAllMatches(re: RE2JS, text: string, rewrite: string): string {
  let out = '', last = 0;
  for (const m of allMatches(re, text)) {
    out += text.slice(last, m.start) + expandRewrite(rewrite, m.groups);
    last = m.end;
  }
  return out + text.slice(last);
}
