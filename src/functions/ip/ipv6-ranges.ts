/**
 * ipv6_is_in_range(ip, range) and ipv6_is_in_any_range(ip, range...) (ipv6-is-in-range-function.md,
 * ipv6-is-in-any-range-function.md): whether an IPv6 or IPv4 address (ipv6-core.ts) lies in a range given with
 * a /prefix. Invalid address or range text gives null (for the any-range form: any invalid range).
 */
import { defineScalar } from '../define.js';
import { stringsOf } from './ipv4-core.js';
import { inRangeIpv6, parseIpv6 } from './ipv6-core.js';

export const ipv6_is_in_range = defineScalar({
  name: 'ipv6_is_in_range',
  description: 'Whether an IPv6 or IPv4 address is in an IPv6 range given with a /prefix.',
  overloads: [{
    params: ['string', 'string'], result: 'bool',
    kernel: ([x, r]) => { const a = parseIpv6(x as string), b = parseIpv6(r as string); return a && b ? inRangeIpv6(a, b) : null; },
  }],
});

function inAny(x: unknown, ranges: string[]): boolean | null {
  const a = typeof x === 'string' ? parseIpv6(x) : null;
  if (!a) return null;
  const parsed = ranges.map(parseIpv6);
  if (parsed.some((r) => r === null)) return null;
  return parsed.some((r) => inRangeIpv6(a, r!));
}

export const ipv6_is_in_any_range = defineScalar({
  name: 'ipv6_is_in_any_range',
  description: 'Whether an IPv6 or IPv4 address is in any of the given IPv6 ranges (strings or a dynamic array).',
  overloads: [
    { params: ['str', 'string'], rest: 'string', result: 'bool', nulls: 'pass', kernel: ([x, ...rs]) => inAny(x, stringsOf(rs)) },
    { params: ['str', 'dynamic'], result: 'bool', nulls: 'pass', kernel: ([x, rs]) => inAny(x, stringsOf([rs])) },
  ],
});
