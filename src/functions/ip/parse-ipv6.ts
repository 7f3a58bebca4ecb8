/**
 * parse_ipv6(ip) and parse_ipv6_mask(ip, prefix) (parse-ipv6-function.md, parse-ipv6-mask-function.md): an
 * IPv6 or IPv4 address (ipv6-core.ts) masked to its own /prefix and the prefix argument (the smaller counts),
 * in Kusto's canonical form (eight groups of four hex digits). Invalid text or a prefix outside 0..128 gives "".
 */
import { defineScalar } from '../define.js';
import { formatIpv6, maskIpv6, parseIpv6 } from './ipv6-core.js';

function canonical(text: string, prefix: number): string {
  const a = parseIpv6(text);
  if (!a || !(prefix >= 0 && prefix <= 128)) return '';
  return formatIpv6(maskIpv6(a.address, Math.min(a.prefix, prefix)));
}

export const parse_ipv6 = defineScalar({
  name: 'parse_ipv6',
  description: 'An IPv6 or IPv4 address (optionally with a /prefix, which masks it) in canonical IPv6 form; "" when invalid.',
  overloads: [{ params: ['string'], result: 'string', kernel: ([s]) => canonical(s as string, 128) }],
});

export const parse_ipv6_mask = defineScalar({
  name: 'parse_ipv6_mask',
  description: 'An IPv6 or IPv4 address masked to a prefix length (0-128) in canonical IPv6 form; "" when invalid.',
  overloads: [{
    params: ['string', 'long'], result: 'string', nulls: 'pass',
    kernel: ([s, p]) => (typeof s === 'string' && typeof p === 'number' ? canonical(s, p) : ''),
  }],
});
