import { defineScalar } from '../define.js';
import type { ArgInfo, BindFailure } from '../registry-types.js';
import { parseBrowser, parseDevice, parseOs } from './user-agent.js';

type Target = 'browser' | 'os' | 'device';
const TARGETS: readonly Target[] = ['browser', 'os', 'device'];

/**
 * The targets a look-for value names: a string names one, a dynamic array of strings several (case-insensitive
 * "browser", "os", "device"; other names are ignored); undefined when the value is neither (a dynamic that is
 * not an array, or an array with a non-string item).
 */
function targets(lookFor: unknown): Set<Target> | undefined {
  const names = typeof lookFor === 'string' ? [lookFor] : Array.isArray(lookFor) ? lookFor : undefined;
  if (names === undefined || names.some((n) => typeof n !== 'string')) return undefined;
  const wanted = new Set<Target>();
  for (const n of names as string[]) {
    const t = n.trim().toLowerCase();
    if ((TARGETS as readonly string[]).includes(t)) wanted.add(t as Target);
  }
  return wanted;
}

/** The result object: Browser, OperatingSystem, Device (in that order) for the wanted targets. */
function parse(ua: string, wanted: Set<Target>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (wanted.has('browser')) out.Browser = { ...parseBrowser(ua) };
  if (wanted.has('os')) out.OperatingSystem = { ...parseOs(ua) };
  if (wanted.has('device')) out.Device = { ...parseDevice(ua) };
  return out;
}

const ALL = new Set<Target>(TARGETS);

/** A constant look-for must be a string or a dynamic array of strings (the analyzer's KS233). */
function checkLookFor(args: ArgInfo[]): BindFailure | undefined {
  const c = args[1]?.constant;
  if (c === undefined || c.value === null || targets(c.value) !== undefined) return undefined;
  return { error: 'The look-for argument of parse_user_agent must be a string or a dynamic array of strings.', argIndex: 1 };
}

/**
 * parse_user_agent(ua, lookFor) (parse-user-agent-function.md): the browser, operating system and/or device
 * that uap-core's rules (user-agent.ts) find in a user-agent string, as a dynamic object
 * {Browser: {Family, MajorVersion, MinorVersion, Patch}, OperatingSystem: {Family, MajorVersion, MinorVersion,
 * Patch, PatchMinor}, Device: {Family, Brand, Model}} with only the parts lookFor asks for. The analyzer also
 * takes parse_user_agent(ua) alone: all three parts then. A null or malformed non-constant lookFor gives null.
 */
export const parse_user_agent = defineScalar({
  name: 'parse_user_agent',
  description: 'The browser, operating system and device of a user-agent string (uap-core rules), as a dynamic object.',
  overloads: [
    {
      params: ['string'], result: 'dynamic',
      kernel: ([ua]) => parse(ua as string, ALL),
    },
    {
      params: ['string', 'string'], result: 'dynamic',
      kernel: ([ua, lookFor]) => parse(ua as string, targets(lookFor)!),
    },
    {
      params: ['string', 'dynamic'], result: 'dynamic', nulls: 'pass', check: checkLookFor,
      kernel: ([ua, lookFor]) => {
        const wanted = targets(lookFor);
        return wanted === undefined ? null : parse((ua ?? '') as string, wanted);
      },
    },
  ],
});
