/**
 * ipv4_range_to_cidr_list(start, end) (ipv4-range-to-cidr-list-function.md): the fewest CIDR blocks that
 * cover the addresses from start to end inclusive, in order. A start with a /prefix counts from the first
 * address of its block, an end with one up to the last. Text that is not an IPv4 address gives null; a start
 * after the end gives an empty array.
 */
import { defineScalar } from '../define.js';
import { formatIpv4, masked, parseIpv4 } from './ipv4-core.js';

export function cidrBlocks(start: number, end: number): string[] {
  const out: string[] = [];
  let cur = start;
  // At most 62 blocks for 32-bit addresses; each step covers at least one address.
  while (cur <= end) {
    let size = 1, bits = 32;
    while (bits > 0 && cur % (size * 2) === 0 && cur + size * 2 - 1 <= end) {
      size *= 2;
      bits--;
    }
    out.push(`${formatIpv4(cur)}/${bits}`);
    cur += size;
  }
  return out;
}

export const ipv4_range_to_cidr_list = defineScalar({
  name: 'ipv4_range_to_cidr_list',
  description: 'The list of CIDR ranges (dynamic array of strings) that exactly covers an IPv4 address range from start to end.',
  overloads: [{
    params: ['string', 'string'], result: 'dynamic',
    kernel: ([s, e]) => {
      const a = parseIpv4(s as string), b = parseIpv4(e as string);
      if (!a || !b) return null;
      const start = masked(a.address, a.prefix);
      const end = masked(b.address, b.prefix) + 2 ** (32 - b.prefix) - 1;
      return cidrBlocks(start, end);
    },
  }],
});
