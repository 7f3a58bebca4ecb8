/**
 * IPv4 text parsing shared by the IPv4 functions (src/functions/scalar/ipv4.ts and this folder) and the
 * IPv6 parser (embedded IPv4). Addresses are dotted quads, optionally with a /prefix (0-32); text that is
 * not one gives null. Addresses are unsigned 32-bit values held in plain numbers.
 */
import type { DynamicValue } from '../../runtime/values.js';

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

/** The address with all but its first `prefix` bits cleared. */
export function masked(address: number, prefix: number): number {
  return prefix <= 0 ? 0 : prefix >= 32 ? address : Math.floor(address / 2 ** (32 - prefix)) * 2 ** (32 - prefix);
}

/** -1, 0 or 1 comparing two addresses under the smaller of their prefixes (and an optional extra prefix). */
export function compareIpv4(a: Ipv4, b: Ipv4, prefix = 32): number {
  const p = Math.min(a.prefix, b.prefix, prefix);
  const x = masked(a.address, p), y = masked(b.address, p);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether the address (or /prefix range) lies inside the range. */
export function inRange(ip: Ipv4, range: Ipv4): boolean {
  return masked(ip.address, range.prefix) === masked(range.address, range.prefix) && ip.prefix >= range.prefix;
}

/** The dotted-quad text of an address. */
export function formatIpv4(address: number): string {
  return [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255].join('.');
}

/** Values given as several string arguments or dynamic arrays of strings (other elements are skipped). */
export function stringsOf(values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (Array.isArray(v)) for (const e of v as DynamicValue[]) { if (typeof e === 'string') out.push(e); }
    else if (typeof v === 'string') out.push(v);
  }
  return out;
}

/** Dotted quads in text that stand alone: not preceded or followed by a digit, letter or dot-digit. */
const CANDIDATE = /(^|[^0-9A-Za-z.])((?:\d{1,3}\.){3}\d{1,3})(?![0-9A-Za-z]|\.\d)/g;

/** The valid IPv4 addresses that appear in a text as whole tokens. */
export function ipv4sIn(text: string): Ipv4[] {
  const out: Ipv4[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const a = parseIpv4(m[2]);
    if (a) out.push(a);
  }
  return out;
}
