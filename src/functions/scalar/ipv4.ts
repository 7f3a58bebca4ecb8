import { defineScalar } from '../define.js';
import { compareIpv4, inRange, ipv4sIn, masked, parseIpv4, stringsOf, type Ipv4 } from '../ip/ipv4-core.js';

/**
 * IPv4 functions (ipv4-*-function.md). Addresses are dotted quads, optionally with a /prefix (0-32);
 * text that is not one gives null. Results compare the addresses masked to the smaller prefix.
 * The parsing is shared with the functions of src/functions/ip/ (ipv4-core.ts).
 */
export { compareIpv4, parseIpv4, type Ipv4 };

const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((r) => parseIpv4(r)!);

const ip = (v: unknown) => parseIpv4(v as string);

export const parse_ipv4 = defineScalar({
  name: 'parse_ipv4',
  description: 'An IPv4 address (optionally with a /prefix, which masks it) as a long; null when invalid.',
  overloads: [{ params: ['str'], result: 'long', kernel: ([s]) => { const a = ip(s); return a ? masked(a.address, a.prefix) : null; } }],
});

export const ipv4_is_private = defineScalar({
  name: 'ipv4_is_private',
  description: 'Whether an IPv4 address (or /prefix range) is in a private network (RFC 1918).',
  overloads: [{ params: ['str'], result: 'bool', kernel: ([s]) => { const a = ip(s); return a ? PRIVATE.some((r) => inRange(a, r)) : null; } }],
});

export const ipv4_compare = defineScalar({
  name: 'ipv4_compare',
  description: 'Compares two IPv4 addresses: -1, 0 or 1; an optional prefix length masks both.',
  overloads: [{
    params: ['str', 'str', 'integer'], optional: 1, result: 'long',
    kernel: ([x, y, p]) => {
      const a = ip(x), b = ip(y), prefix = (p as number | undefined) ?? 32;
      return a && b && prefix >= 0 && prefix <= 32 ? compareIpv4(a, b, prefix) : null;
    },
  }],
});

export const ipv4_is_match = defineScalar({
  name: 'ipv4_is_match',
  description: 'Whether two IPv4 addresses are equal under the smaller prefix (and an optional prefix length).',
  overloads: [{
    params: ['str', 'str', 'integer'], optional: 1, result: 'bool',
    kernel: ([x, y, p]) => {
      const a = ip(x), b = ip(y), prefix = (p as number | undefined) ?? 32;
      return a && b && prefix >= 0 && prefix <= 32 ? compareIpv4(a, b, prefix) === 0 : null;
    },
  }],
});

export const ipv4_is_in_range = defineScalar({
  name: 'ipv4_is_in_range',
  description: 'Whether an IPv4 address is in an IPv4 range given with a /prefix.',
  overloads: [{
    params: ['str', 'str'], result: 'bool',
    kernel: ([x, r]) => { const a = ip(x), b = ip(r); return a && b ? inRange(a, b) : null; },
  }],
});

export const ipv4_is_in_any_range = defineScalar({
  name: 'ipv4_is_in_any_range',
  description: 'Whether an IPv4 address is in any of the given ranges (strings or a dynamic array).',
  overloads: [{
    params: ['str', 'any'], rest: 'any', result: 'bool', nulls: 'pass',
    kernel: ([x, ...rs]) => {
      const a = typeof x === 'string' ? ip(x) : null;
      if (!a) return null;
      const ranges = stringsOf(rs).map(parseIpv4);
      if (ranges.some((r) => r === null)) return null;
      return ranges.some((r) => inRange(a, r!));
    },
  }],
});

/**
 * has_ipv4(source, ip) / has_any_ipv4(source, ip...) (has-ipv4-function.md): whether the text holds the
 * address as a whole token (a valid address not part of a longer run of digits, dots and letters).
 * (The token pattern is ours, a fixed one: no user regex; has_ipv4_prefix is in src/functions/ip/.)
 */
export const has_ipv4 = defineScalar({
  name: 'has_ipv4',
  description: 'Whether a text contains the given IPv4 address as a whole token.',
  overloads: [{
    params: ['str', 'str'], result: 'bool',
    kernel: ([s, x]) => {
      const a = ip(x);
      if (!a || a.prefix !== 32) return false;
      return ipv4sIn(s as string).some((b) => b.address === a.address);
    },
  }],
});

export const has_any_ipv4 = defineScalar({
  name: 'has_any_ipv4',
  description: 'Whether a text contains any of the given IPv4 addresses (strings or a dynamic array) as a whole token.',
  overloads: [{
    params: ['str', 'any'], rest: 'any', result: 'bool', nulls: 'pass',
    kernel: ([s, ...xs]) => {
      const wanted = new Set(stringsOf(xs).map(parseIpv4).filter((a): a is Ipv4 => a !== null && a.prefix === 32).map((a) => a.address));
      if (typeof s !== 'string' || wanted.size === 0) return false;
      return ipv4sIn(s).some((b) => wanted.has(b.address));
    },
  }],
});
