/**
 * parse_ipv4_mask(ip, prefix) and ipv4_netmask_suffix(ip) (parse-ipv4-mask-function.md,
 * ipv4-netmask-suffix-function.md). An address's own /prefix and the prefix argument both mask it: the
 * smaller one counts. A prefix argument outside 0..32 or text that is not an IPv4 address gives null.
 */
import { defineScalar } from '../define.js';
import { masked, parseIpv4 } from './ipv4-core.js';

export const parse_ipv4_mask = defineScalar({
  name: 'parse_ipv4_mask',
  description: 'An IPv4 address masked to a prefix length (0-32) as a long; null when invalid.',
  overloads: [{
    params: ['string', 'long'], result: 'long',
    kernel: ([s, p]) => {
      const a = parseIpv4(s as string), prefix = p as number;
      if (!a || !(prefix >= 0 && prefix <= 32)) return null;
      return masked(a.address, Math.min(a.prefix, prefix));
    },
  }],
});

export const ipv4_netmask_suffix = defineScalar({
  name: 'ipv4_netmask_suffix',
  description: 'The /prefix length of an IPv4 address text (32 when it has none); null when invalid.',
  overloads: [{ params: ['string'], result: 'long', kernel: ([s]) => parseIpv4(s as string)?.prefix ?? null }],
});
