/**
 * ipv6_compare(ip1, ip2[, prefix]) and ipv6_is_match(...) (ipv6-compare-function.md, ipv6-is-match-function.md):
 * IPv6 or IPv4 addresses (ipv6-core.ts) compared as 128-bit numbers under the smallest of their own /prefixes
 * and the prefix argument. Invalid text or a prefix outside 0..128 gives null.
 */
import { defineScalar } from '../define.js';
import { compareIpv6, parseIpv6 } from './ipv6-core.js';

function compare(x: unknown, y: unknown, p: unknown): number | null {
  const a = parseIpv6(x as string), b = parseIpv6(y as string);
  const prefix = p === undefined ? 128 : (p as number);
  return a && b && prefix >= 0 && prefix <= 128 ? compareIpv6(a, b, prefix) : null;
}

export const ipv6_compare = defineScalar({
  name: 'ipv6_compare',
  description: 'Compares two IPv6 or IPv4 addresses: -1, 0 or 1; an optional prefix length (0-128) masks both.',
  overloads: [{ params: ['string', 'string', 'long'], optional: 1, result: 'long', kernel: ([x, y, p]) => compare(x, y, p) }],
});

export const ipv6_is_match = defineScalar({
  name: 'ipv6_is_match',
  description: 'Whether two IPv6 or IPv4 addresses are equal under the smaller prefix (and an optional prefix length).',
  overloads: [{
    params: ['string', 'string', 'long'], optional: 1, result: 'bool',
    kernel: ([x, y, p]) => { const c = compare(x, y, p); return c === null ? null : c === 0; },
  }],
});
