import type { DynamicValue } from '../../runtime/values.js';
import { defineScalar } from '../define.js';

/**
 * IPv4 functions (ipv4-*-function.md). Addresses are dotted quads, optionally with a /prefix (0-32);
 * text that is not one gives null. Results compare the addresses masked to the smaller prefix.
 */
export interface Ipv4 { address: number; prefix: number }

const QUAD = /^\s*(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?\s*$/;

export function parseIpv4(text: string): Ipv4 | null {
  const m = QUAD.exec(text);
  if (!m) return null;
  const bytes = m.slice(1, 5).map(Number);
  if (bytes.some((b) => b > 255)) return null;
  const prefix = m[5] === undefined ? 32 : Number(m[5]);
  if (prefix > 32) return null;
  return { address: ((bytes[0] * 256 + bytes[1]) * 256 + bytes[2]) * 256 + bytes[3], prefix };
}

function masked(address: number, prefix: number): number {
  return prefix === 0 ? 0 : Math.floor(address / 2 ** (32 - prefix)) * 2 ** (32 - prefix);
}

/** -1, 0 or 1 comparing two addresses under the smaller of their prefixes (and an optional extra prefix). */
export function compareIpv4(a: Ipv4, b: Ipv4, prefix = 32): number {
  const p = Math.min(a.prefix, b.prefix, prefix);
  const x = masked(a.address, p), y = masked(b.address, p);
  return x < y ? -1 : x > y ? 1 : 0;
}

const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((r) => parseIpv4(r)!);

function inRange(ip: Ipv4, range: Ipv4): boolean {
  return masked(ip.address, range.prefix) === masked(range.address, range.prefix) && ip.prefix >= range.prefix;
}

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

/** Ranges given as several string arguments or one dynamic array of strings. */
function rangesOf(values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (Array.isArray(v)) for (const e of v as DynamicValue[]) { if (typeof e === 'string') out.push(e); }
    else if (typeof v === 'string') out.push(v);
  }
  return out;
}

export const ipv4_is_in_any_range = defineScalar({
  name: 'ipv4_is_in_any_range',
  description: 'Whether an IPv4 address is in any of the given ranges (strings or a dynamic array).',
  overloads: [{
    params: ['str', 'any'], rest: 'any', result: 'bool', nulls: 'pass',
    kernel: ([x, ...rs]) => {
      const a = typeof x === 'string' ? ip(x) : null;
      if (!a) return null;
      const ranges = rangesOf(rs).map(parseIpv4);
      if (ranges.some((r) => r === null)) return null;
      return ranges.some((r) => inRange(a, r!));
    },
  }],
});

/** Dotted quads in text that stand alone: not preceded or followed by a digit, letter or dot-digit. */
const CANDIDATE = /(^|[^0-9A-Za-z.])((?:\d{1,3}\.){3}\d{1,3})(?![0-9A-Za-z]|\.\d)/g;

function ipsIn(text: string): Ipv4[] {
  const out: Ipv4[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const a = parseIpv4(m[2]);
    if (a) out.push(a);
  }
  return out;
}

/**
 * has_ipv4(source, ip) / has_any_ipv4(source, ip...) (has-ipv4-function.md): whether the text holds the
 * address as a whole token (a valid address not part of a longer run of digits, dots and letters).
 * has_ipv4_prefix is not supported. (The pattern above is ours, a fixed one: no user regex.)
 */
export const has_ipv4 = defineScalar({
  name: 'has_ipv4',
  description: 'Whether a text contains the given IPv4 address as a whole token.',
  overloads: [{
    params: ['str', 'str'], result: 'bool',
    kernel: ([s, x]) => {
      const a = ip(x);
      if (!a || a.prefix !== 32) return false;
      return ipsIn(s as string).some((b) => b.address === a.address);
    },
  }],
});

export const has_any_ipv4 = defineScalar({
  name: 'has_any_ipv4',
  description: 'Whether a text contains any of the given IPv4 addresses (strings or a dynamic array) as a whole token.',
  overloads: [{
    params: ['str', 'any'], rest: 'any', result: 'bool', nulls: 'pass',
    kernel: ([s, ...xs]) => {
      const wanted = new Set(rangesOf(xs).map(parseIpv4).filter((a): a is Ipv4 => a !== null && a.prefix === 32).map((a) => a.address));
      if (typeof s !== 'string' || wanted.size === 0) return false;
      return ipsIn(s).some((b) => wanted.has(b.address));
    },
  }],
});
