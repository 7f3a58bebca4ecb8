/**
 * The hll sketch (hll(), hll_if(), hll_merge(), dcount_hll()). Kusto's sketch is opaque; ours is a dynamic
 * array in the shape Kusto's looks like, [[1024, p], [hash, ...], [register, ...]]:
 * - p is the precision (register index bits), from the accuracy argument: 0..4 -> 12, 14, 16, 17, 18
 *   (default 1 -> 14, Kusto's error table: 1.6%, 0.8%, 0.4%, 0.28%, 0.2%);
 * - while the group has at most SPARSE_LIMIT distinct values, the second list holds the 64-bit hash of each
 *   distinct value (signed decimal text) and dcount_hll counts them: the same number dcount() (exact in this
 *   engine) gives, but for a 64-bit hash collision;
 * - past SPARSE_LIMIT distinct values the sketch turns dense: the second list empties and the third holds the
 *   2^p HyperLogLog registers, and dcount_hll estimates. The size of a sketch is thus bounded by
 *   max(SPARSE_LIMIT hashes, 2^p registers).
 * The hash of a value is two 32-bit Murmur3-style hashes of a text key that tells types apart the way
 * dcount's Set does (src/functions/aggregates/dcount.ts).
 */
import { dynamicKey, type DynamicValue } from '../../runtime/values.js';
import type { KqlType } from '../../runtime/types.js';

export const SPARSE_LIMIT = 1 << 16;
const PRECISIONS = [12, 14, 16, 17, 18];
export const DEFAULT_PRECISION = 14;
const MARKER = 1024;

export function precisionOf(accuracy: unknown): number {
  const a = typeof accuracy === 'bigint' ? Number(accuracy) : accuracy;
  return typeof a === 'number' && Number.isInteger(a) && a >= 0 && a < PRECISIONS.length ? PRECISIONS[a] : DEFAULT_PRECISION;
}

function murmur32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= text.length;
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The text key of a value: equal keys exactly for the values dcount's Set holds as one. */
export function valueKey(v: unknown, type: KqlType): string {
  if (type === 'dynamic') return `d${dynamicKey(v as DynamicValue)}`;
  switch (typeof v) {
    case 'number': return `n${v}`; // String(-0) is "0" and NaN is "NaN": Set's SameValueZero
    case 'bigint': return `b${v}`; // longs and ticks are canonical: a bigint never equals a number
    case 'boolean': return `o${v}`;
    default: return `s${String(v)}`;
  }
}

/** The 64-bit hash of a key as 16 hex digits. */
export function hashKey(key: string): string {
  const hi = murmur32(key, 0x9747b28c), lo = murmur32(key, 0x5bd1e995);
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

const hexToSigned = (h: string): string => BigInt.asIntN(64, BigInt(`0x${h}`)).toString();
function signedToHex(s: string): string | undefined {
  if (!/^-?\d{1,20}$/.test(s)) return undefined;
  const b = BigInt(s);
  if (b < -(1n << 63n) || b >= 1n << 63n) return undefined;
  return BigInt.asUintN(64, b).toString(16).padStart(16, '0');
}

export class HllSketch {
  p: number;
  /** Distinct hashes (hex) while sparse; undefined once dense. */
  hashes: Set<string> | undefined = new Set();
  registers: Uint8Array | undefined;

  constructor(p: number) { this.p = p; }

  addHash(hex: string): void {
    if (this.hashes) {
      this.hashes.add(hex);
      if (this.hashes.size > SPARSE_LIMIT) this.densify();
    } else {
      this.setRegister(hex);
    }
  }

  private setRegister(hex: string): void {
    // The hash as two 32-bit halves: the index is the top p bits (p <= 18), the rank 1 + the leading zeros
    // of the remaining 64 - p bits.
    const hi = parseInt(hex.slice(0, 8), 16), lo = parseInt(hex.slice(8), 16);
    const p = this.p;
    const index = hi >>> (32 - p);
    const restHi = (hi << p) >>> 0; // the low 32 - p bits of hi, moved to the top
    let rank: number;
    if (restHi !== 0) rank = Math.clz32(restHi) + 1;
    else if (lo !== 0) rank = 32 - p + Math.clz32(lo) + 1;
    else rank = 64 - p + 1;
    if (rank > this.registers![index]) this.registers![index] = rank;
  }

  private densify(): void {
    const hashes = this.hashes!;
    this.hashes = undefined;
    this.registers = new Uint8Array(1 << this.p);
    for (const h of hashes) this.setRegister(h);
  }

  /** Lower the precision to q (folding registers, or simply relabelling while sparse). */
  private reduceTo(q: number): void {
    if (q >= this.p) return;
    if (this.registers) {
      const shift = this.p - q;
      const out = new Uint8Array(1 << q);
      for (let i = 0; i < this.registers.length; i++) {
        const r = this.registers[i];
        if (r === 0) continue;
        // The low `shift` bits of the old index become the first bits of the new remaining word.
        const low = i & ((1 << shift) - 1);
        const rank = low === 0 ? shift + r : shift - Math.floor(Math.log2(low));
        const j = i >>> shift;
        if (rank > out[j]) out[j] = rank;
      }
      this.registers = out;
    }
    this.p = q;
  }

  merge(other: HllSketch): void {
    const q = Math.min(this.p, other.p);
    this.reduceTo(q);
    const o = other.p === q ? other : other.copy();
    o.reduceTo(q);
    if (o.hashes) {
      for (const h of o.hashes) this.addHash(h);
      return;
    }
    if (this.hashes) this.densify();
    for (let i = 0; i < o.registers!.length; i++) if (o.registers![i] > this.registers![i]) this.registers![i] = o.registers![i];
  }

  copy(): HllSketch {
    const c = new HllSketch(this.p);
    c.hashes = this.hashes ? new Set(this.hashes) : undefined;
    c.registers = this.registers ? this.registers.slice() : undefined;
    return c;
  }

  count(): number {
    if (this.hashes) return this.hashes.size;
    const regs = this.registers!;
    const m = regs.length;
    let sum = 0, zeros = 0;
    for (const r of regs) { sum += 2 ** -r; if (r === 0) zeros++; }
    const alpha = 0.7213 / (1 + 1.079 / m);
    const estimate = (alpha * m * m) / sum;
    return Math.round(estimate <= 2.5 * m && zeros > 0 ? m * Math.log(m / zeros) : estimate);
  }

  toDynamic(): DynamicValue {
    const hashes = this.hashes ? [...this.hashes].map(hexToSigned) : [];
    return [[MARKER, this.p], hashes, this.registers ? Array.from(this.registers) : []];
  }

  /** Read a sketch back from its dynamic form; undefined when the value is not one. */
  static fromDynamic(v: unknown): HllSketch | undefined {
    if (!Array.isArray(v) || v.length !== 3) return undefined;
    const [head, hashes, regs] = v as unknown[];
    if (!Array.isArray(head) || head.length !== 2 || head[0] !== MARKER || !PRECISIONS.includes(head[1] as number)) return undefined;
    if (!Array.isArray(hashes) || !Array.isArray(regs)) return undefined;
    const s = new HllSketch(head[1] as number);
    if (regs.length > 0) {
      if (regs.length !== 1 << s.p || hashes.length > 0) return undefined;
      s.hashes = undefined;
      s.registers = new Uint8Array(regs.length);
      for (let i = 0; i < regs.length; i++) {
        const r = regs[i];
        if (typeof r !== 'number' || !Number.isInteger(r) || r < 0 || r > 64) return undefined;
        s.registers[i] = r;
      }
      return s;
    }
    for (const h of hashes) {
      const hex = typeof h === 'string' ? signedToHex(h) : undefined;
      if (hex === undefined) return undefined;
      s.addHash(hex);
    }
    return s;
  }
}
