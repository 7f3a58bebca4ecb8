/**
 * The user-agent parser behind parse_user_agent(): uap-core's rule set (user-agent-rules.generated.ts, made by
 * scripts/gen-user-agent-rules.ts) applied as uap-core's docs/specification.md says. For each of the three
 * lists (browser, OS, device) the rules are tried in order, the first whose regex matches anywhere in the text
 * wins (case-sensitive unless the rule says `(?i)`); no match gives the family "Other".
 *
 * Fields: a rule's replacement, when it has one, with `$1`..`$9` replaced by that capture group ('' when the
 * group did not take part); otherwise the capture group at the field's position (browser: family, major, minor,
 * patch = groups 1-4; OS: family, major, minor, patch, patchMinor = groups 1-5; device: family = group 1,
 * brand = replacement only, model = group 1). Every field is trimmed; a missing one is ''.
 *
 * Only the first MAX_USER_AGENT_LENGTH characters are examined: every call may run all 1,175 regexes over the
 * text (linear time each, but tens of milliseconds per kilobyte in all), and real user agents are far shorter.
 *
 * Start-up: the JSON is parsed on the first call, and each regex is compiled (re2js) the first time the list
 * reaches it, once. Results are memoised per text (bounded), since logs repeat the same few user agents.
 */
import type { RE2JS } from 're2js';
import { compileBuiltinRegex } from '../regex.js';
import { USER_AGENT_RULES_JSON } from './user-agent-rules.generated.js';

type RawRule = (string | null)[];
interface RuleList {
  raw: RawRule[];
  /** Compiled regexes by rule index; null when a regex does not compile (then the rule never matches). */
  compiled: (RE2JS | null | undefined)[];
}
type ListName = 'ua' | 'os' | 'device';

/** Characters of the text the rules see (longer texts are cut; docs/differences-from-kusto.md). */
export const MAX_USER_AGENT_LENGTH = 8192;

let lists: Record<ListName, RuleList> | undefined;

function ruleLists(): Record<ListName, RuleList> {
  if (lists === undefined) {
    const data = JSON.parse(USER_AGENT_RULES_JSON) as Record<ListName, RawRule[]>;
    const make = (raw: RawRule[]): RuleList => ({ raw, compiled: new Array<RE2JS | null | undefined>(raw.length) });
    lists = { ua: make(data.ua), os: make(data.os), device: make(data.device) };
  }
  return lists;
}

/** The first rule of the list matching the text, with its capture groups (index 0: the whole match). */
function firstRule(list: RuleList, text: string): { rule: RawRule; groups: (string | null)[] } | undefined {
  for (let i = 0; i < list.raw.length; i++) {
    let re = list.compiled[i];
    if (re === undefined) re = list.compiled[i] = compileBuiltinRegex(list.raw[i]![0]!);
    if (re === null) continue;
    const m = re.matcher(text);
    if (!m.find()) continue;
    const groups: (string | null)[] = [];
    for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g));
    return { rule: list.raw[i]!, groups };
  }
  return undefined;
}

/** `$1`..`$9` replaced by the groups ('' for a group that did not take part or does not exist). */
function substitute(replacement: string, groups: (string | null)[]): string {
  return replacement.replace(/\$([1-9])/g, (_, n: string) => groups[Number(n)] ?? '');
}

/** The field at position `field` (1-based, = the default group): the rule's replacement or that group. */
function field(rule: RawRule, groups: (string | null)[], field: number, defaultGroup: number | null): string {
  const replacement = rule[field];
  const value = replacement !== undefined && replacement !== null
    ? substitute(replacement, groups)
    : defaultGroup === null ? '' : groups[defaultGroup] ?? '';
  return value.trim();
}

export interface BrowserInfo { Family: string; MajorVersion: string; MinorVersion: string; Patch: string }
export interface OsInfo { Family: string; MajorVersion: string; MinorVersion: string; Patch: string; PatchMinor: string }
export interface DeviceInfo { Family: string; Brand: string; Model: string }

const MEMO_LIMIT = 1024;
const memo: Record<ListName, Map<string, object>> = { ua: new Map(), os: new Map(), device: new Map() };

function memoised<T extends object>(name: ListName, text: string, compute: (text: string) => T): T {
  if (text.length > MAX_USER_AGENT_LENGTH) text = text.slice(0, MAX_USER_AGENT_LENGTH);
  const cache = memo[name];
  const hit = cache.get(text);
  if (hit !== undefined) return hit as T;
  const value = compute(text);
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(text, value);
  return value;
}

export function parseBrowser(text: string): BrowserInfo {
  return memoised('ua', text, (text) => {
    const m = firstRule(ruleLists().ua, text);
    if (!m) return { Family: 'Other', MajorVersion: '', MinorVersion: '', Patch: '' };
    const { rule, groups } = m;
    return {
      Family: field(rule, groups, 1, 1), MajorVersion: field(rule, groups, 2, 2),
      MinorVersion: field(rule, groups, 3, 3), Patch: field(rule, groups, 4, 4),
    };
  });
}

export function parseOs(text: string): OsInfo {
  return memoised('os', text, (text) => {
    const m = firstRule(ruleLists().os, text);
    if (!m) return { Family: 'Other', MajorVersion: '', MinorVersion: '', Patch: '', PatchMinor: '' };
    const { rule, groups } = m;
    return {
      Family: field(rule, groups, 1, 1), MajorVersion: field(rule, groups, 2, 2), MinorVersion: field(rule, groups, 3, 3),
      Patch: field(rule, groups, 4, 4), PatchMinor: field(rule, groups, 5, 5),
    };
  });
}

export function parseDevice(text: string): DeviceInfo {
  return memoised('device', text, (text) => {
    const m = firstRule(ruleLists().device, text);
    if (!m) return { Family: 'Other', Brand: '', Model: '' };
    const { rule, groups } = m;
    return { Family: field(rule, groups, 1, 1), Brand: field(rule, groups, 2, null), Model: field(rule, groups, 3, 1) };
  });
}
