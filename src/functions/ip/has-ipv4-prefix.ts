/**
 * has_ipv4_prefix(text, prefix) and has_any_ipv4_prefix(text, prefix...) (has-ipv4-prefix-function.md,
 * has-any-ipv4-prefix-function.md): whether the text holds, as a whole token, a valid IPv4 address that starts
 * with the prefix. A valid prefix is a whole address (a.b.c.d) or one to three octets each followed by a dot
 * ("192.", "192.168.", "192.168.1."); other prefixes match nothing.
 */
import { defineScalar } from '../define.js';
import { ipv4sIn, stringsOf, type Ipv4 } from './ipv4-core.js';

const PREFIX = /^(?:\d{1,3}\.){1,3}$|^(?:\d{1,3}\.){3}\d{1,3}$/;

/** The octets of a valid prefix, or null. */
function prefixOctets(text: string): number[] | null {
  if (!PREFIX.test(text)) return null;
  const octets = text.split('.').filter((s) => s !== '').map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

function startsWith(ip: Ipv4, octets: number[]): boolean {
  for (let i = 0; i < octets.length; i++) {
    if (((ip.address >>> (24 - 8 * i)) & 255) !== octets[i]) return false;
  }
  return true;
}

function hasAny(text: unknown, prefixes: string[]): boolean {
  const wanted = prefixes.map(prefixOctets).filter((o): o is number[] => o !== null);
  if (typeof text !== 'string' || wanted.length === 0) return false;
  return ipv4sIn(text).some((ip) => wanted.some((o) => startsWith(ip, o)));
}

export const has_ipv4_prefix = defineScalar({
  name: 'has_ipv4_prefix',
  description: 'Whether a text contains, as a whole token, an IPv4 address starting with the given prefix ("10.", "10.1.", or a whole address).',
  overloads: [{ params: ['str', 'string'], result: 'bool', kernel: ([s, p]) => hasAny(s, [p as string]) }],
});

export const has_any_ipv4_prefix = defineScalar({
  name: 'has_any_ipv4_prefix',
  description: 'Whether a text contains, as a whole token, an IPv4 address starting with any of the given prefixes (strings or a dynamic array).',
  overloads: [
    { params: ['str', 'string'], rest: 'string', result: 'bool', nulls: 'pass', kernel: ([s, ...ps]) => hasAny(s, stringsOf(ps)) },
    { params: ['str', 'dynamic'], result: 'bool', nulls: 'pass', kernel: ([s, ps]) => hasAny(s, stringsOf([ps])) },
  ],
});
