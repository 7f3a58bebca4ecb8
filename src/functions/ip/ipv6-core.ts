/**
 * IPv6 text parsing shared by the IPv6 functions of this folder. An address is 128 bits held in a BigInt,
 * with a prefix length (0-128) from an optional /prefix suffix.
 *
 * Accepted forms: eight groups of 1-4 hex digits separated by colons, one "::" standing for one or more zero
 * groups, the last 32 bits optionally written as a dotted quad (::ffff:1.2.3.4), and a plain IPv4 address.
 * Like Kusto, IPv4 is compared as IPv6 (IPv4-mapped ::ffff:a.b.c.d): a plain IPv4 address, and a dotted quad
 * after 96 zero bits (::1.2.3.4), become ::ffff:a.b.c.d, and the /prefix of text that ends with a dotted quad
 * counts IPv4 bits (0-32, so /24 masks 96 + 24 = 120 bits). Surrounding whitespace is ignored; zone ids (%eth0)
 * and anything else give null.
 */
import { parseIpv4 } from './ipv4-core.js';

export interface Ipv6 { address: bigint; prefix: number }

const ALL = (1n << 128n) - 1n;
const MAPPED = 0xffffn << 32n;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const PREFIX = /^\d{1,3}$/;
/** Longest text worth parsing: 8 groups of 4, 7 colons, a prefix, and some whitespace. */
const MAX_LENGTH = 100;

/** The groups of one side of "::" as 16-bit values, with a trailing dotted quad as two groups; null if invalid. */
function groups(text: string, allowQuad: boolean): number[] | null {
  if (text === '') return [];
  const parts = text.split(':');
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (allowQuad && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4 || v4.prefix !== 32 || part.includes('/') || part.trim() !== part) return null;
      out.push(Math.floor(v4.address / 65536), v4.address % 65536);
    } else if (HEX_GROUP.test(part)) {
      out.push(parseInt(part, 16));
    } else {
      return null;
    }
  }
  return out;
}

export function parseIpv6(input: string): Ipv6 | null {
  if (input.length > MAX_LENGTH) return null;
  const text = input.trim();
  const slash = text.indexOf('/');
  const body = slash < 0 ? text : text.slice(0, slash);
  const suffix = slash < 0 ? undefined : text.slice(slash + 1);
  if (suffix !== undefined && !PREFIX.test(suffix)) return null;
  const quad = /\.\d+$/.test(body);
  const maxPrefix = quad ? 32 : 128;
  const given = suffix === undefined ? maxPrefix : Number(suffix);
  if (given > maxPrefix) return null;
  const prefix = quad ? 96 + given : given;
  if (!body.includes(':')) {
    const v4 = parseIpv4(body);
    if (!v4 || body !== body.trim()) return null;
    return { address: MAPPED | BigInt(v4.address), prefix };
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  let words: number[];
  if (halves.length === 2) {
    const head = groups(halves[0], false);
    const tail = groups(halves[1], true);
    if (!head || !tail || head.length + tail.length > 7) return null;
    words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = groups(body, true);
    if (!all || all.length !== 8) return null;
    words = all;
  }
  let address = 0n;
  for (const w of words) address = (address << 16n) | BigInt(w);
  // ::a.b.c.d (IPv4-compatible) is read as the IPv4 address, like a plain one.
  if (quad && address >> 32n === 0n) address |= MAPPED;
  return { address, prefix };
}

/** The address with all but its first `prefix` bits cleared. */
export function maskIpv6(address: bigint, prefix: number): bigint {
  if (prefix >= 128) return address;
  if (prefix <= 0) return 0n;
  const host = (1n << BigInt(128 - prefix)) - 1n;
  return address & (ALL ^ host);
}

/** -1, 0 or 1 comparing two addresses under the smaller of their prefixes and `prefix`. */
export function compareIpv6(a: Ipv6, b: Ipv6, prefix = 128): number {
  const p = Math.min(a.prefix, b.prefix, prefix);
  const x = maskIpv6(a.address, p), y = maskIpv6(b.address, p);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether the address (or /prefix range) lies inside the range. */
export function inRangeIpv6(ip: Ipv6, range: Ipv6): boolean {
  return ip.prefix >= range.prefix && maskIpv6(ip.address, range.prefix) === maskIpv6(range.address, range.prefix);
}

/** Kusto's canonical text: eight groups of four lowercase hex digits, no "::" shortening. */
export function formatIpv6(address: bigint): string {
  const hex = address.toString(16).padStart(32, '0');
  const out: string[] = [];
  for (let i = 0; i < 32; i += 4) out.push(hex.slice(i, i + 4));
  return out.join(':');
}
