/**
 * format_ipv4(ip[, prefix]) and format_ipv4_mask(ip, prefix) (format-ipv4-function.md,
 * format-ipv4-mask-function.md): the address masked to the smaller of its own /prefix and the prefix argument,
 * as a dotted quad (format_ipv4_mask adds "/prefix"). The address is IPv4 text or a number (the address as an
 * unsigned 32-bit integer, big-endian); anything else, a prefix outside 0..32 or a null gives "".
 */
import type { KqlType } from '../../runtime/types.js';
import { defineScalar } from '../define.js';
import { formatIpv4, masked, parseIpv4, type Ipv4 } from './ipv4-core.js';

/** The address in a string, a whole number in 0..2^32-1, or a dynamic holding one of those. */
function addressOf(v: unknown, type: KqlType): Ipv4 | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return type === 'string' || type === 'dynamic' ? parseIpv4(v) : null;
  if (type === 'bool' || type === 'datetime' || type === 'timespan' || typeof v === 'boolean') return null;
  const n = typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0xffffffff) return null;
  return { address: n, prefix: 32 };
}

function format(v: unknown, type: KqlType, p: unknown, withSuffix: boolean): string {
  const a = addressOf(v, type);
  const prefix = p === undefined ? 32 : typeof p === 'bigint' ? -1 : (p as number | null);
  if (!a || prefix === null || !(prefix >= 0 && prefix <= 32)) return '';
  const bits = Math.min(a.prefix, prefix);
  const text = formatIpv4(masked(a.address, bits));
  return withSuffix ? `${text}/${bits}` : text;
}

export const format_ipv4 = defineScalar({
  name: 'format_ipv4',
  description: 'An IPv4 address (text or number) masked to an optional prefix length, as dotted-quad text; "" when invalid.',
  overloads: [{
    params: ['any', 'long'], optional: 1, result: 'string', nulls: 'pass',
    kernel: ([v, p], _ctx, info) => format(v, info[0].type, p, false),
  }],
});

export const format_ipv4_mask = defineScalar({
  name: 'format_ipv4_mask',
  description: 'An IPv4 address (text or number) masked to a prefix length, in CIDR notation (a.b.c.d/prefix); "" when invalid.',
  overloads: [{
    params: ['any', 'long'], result: 'string', nulls: 'pass',
    kernel: ([v, p], _ctx, info) => format(v, info[0].type, p, true),
  }],
});
