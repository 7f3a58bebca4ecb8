/**
 * Entries found by several key values (summarize groups) without a key string per row: a 32-bit hash of
 * the values picks a bucket, and values are compared the way keyOfValue keys them (src/runtime/hash-key.ts):
 * numbers and bigints by value, NaN equal to NaN, null equal to null, dynamic values by JSON text.
 *
 * Why not a Map keyed by keyOfValues: that string is built and hashed for every row, and kept for every
 * group; with many groups (the seed rule has one per row) those strings were most of what the garbage
 * collector copied.
 *
 * Datetime and timespan columns (src/runtime/ticks.ts) hold whole milliseconds as numbers and finer values as
 * bigints of ticks: there a number and a bigint are never the same key (1 ms is not 1 tick), as keyOfValues
 * keys them with the same `time` marks (hash-key.ts's timeColumns).
 */
import { dynamicKey, type DynamicValue } from './values.js';

/** Several entries whose keys share a hash. */
class Collision<T> {
  constructor(readonly entries: T[]) {}
}

// A per-process seed, so crafted data cannot aim at one bucket.
const SEED = (Math.random() * 0x100000000) >>> 0;

export class KeyIndex<T> {
  private readonly buckets = new Map<number, T | Collision<T>>();
  /**
   * One key value that is a string, boolean or safe integer (or null) is its own Map key: V8 keeps a
   * string's hash in the string, so looking up the caller's strings costs no hashing here.
   */
  private readonly byValue = new Map<unknown, T>();
  /** Every entry, in first-seen order. */
  readonly entries: T[] = [];

  /**
   * `keyOf(entry)` gives back the key values an entry was added with; `hash` is replaceable for tests of
   * collisions; `time` marks the datetime and timespan key columns (timeColumns in hash-key.ts).
   */
  constructor(
    private readonly keyOf: (entry: T) => unknown[],
    private readonly hash: (key: unknown[]) => number = hashValues,
    private readonly time?: readonly boolean[],
  ) {}

  get size(): number {
    return this.entries.length;
  }

  /** The entry with these key values; `create` makes it (from a copy of `key`) when there is none yet. */
  getOrAdd(key: unknown[], create: (key: unknown[]) => T): T {
    if (key.length === 1 && isOwnMapKey(key[0])) {
      const v = key[0] ?? null;
      const found = this.byValue.get(v);
      if (found !== undefined) return found;
      const entry = create(key.slice());
      this.byValue.set(v, entry);
      this.entries.push(entry);
      return entry;
    }
    const hash = this.hash(key);
    const found = this.buckets.get(hash);
    if (found === undefined) return this.add(hash, undefined, create(key.slice()));
    if (found instanceof Collision) {
      for (const entry of found.entries) if (sameKeyValues(this.keyOf(entry), key, this.time)) return entry;
      return this.add(hash, found, create(key.slice()));
    }
    if (sameKeyValues(this.keyOf(found), key, this.time)) return found;
    return this.add(hash, found, create(key.slice()));
  }

  private add(hash: number, found: T | Collision<T> | undefined, entry: T): T {
    if (found === undefined) this.buckets.set(hash, entry);
    else if (found instanceof Collision) found.entries.push(entry);
    else this.buckets.set(hash, new Collision([found, entry]));
    this.entries.push(entry);
    return entry;
  }
}

/**
 * Values whose Map identity (SameValueZero) is key equality: strings, booleans, null and undefined (one
 * key), safe integers (a bigint never equals one: longs are bigints only beyond 2^53, and a datetime or
 * timespan is a bigint only when it is not whole milliseconds). Other numbers go by their digits, as
 * keyOfValue keys them, so they take the hashed path with bigints.
 */
function isOwnMapKey(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'boolean' || v === null || v === undefined || (typeof v === 'number' && Number.isSafeInteger(v));
}

/** Equal as keys: keyOfValues(a, time) === keyOfValues(b, time). */
export function sameKeyValues(a: unknown[], b: unknown[], time?: readonly boolean[]): boolean {
  for (let i = 0; i < a.length; i++) if (!sameKeyValue(a[i], b[i], time !== undefined && time[i])) return false;
  return true;
}

function sameKeyValue(x: unknown, y: unknown, time: boolean): boolean {
  if (x === y) return true;
  if (x === null || x === undefined) return y === null || y === undefined;
  if (y === null || y === undefined) return false;
  switch (typeof x) {
    case 'number':
      if (typeof y === 'number') return Number.isNaN(x) && Number.isNaN(y);
      // A datetime/timespan: canonical, so a number (milliseconds) never equals a bigint (ticks).
      return !time && typeof y === 'bigint' && String(x) === String(y);
    case 'bigint':
      return !time && (typeof y === 'number' || typeof y === 'bigint') && String(x) === String(y);
    case 'object':
      return typeof y === 'object' && dynamicKey(x as DynamicValue) === dynamicKey(y as DynamicValue);
    default:
      return false;
  }
}

/** A hash of key values: equal keys (sameKeyValues) give equal hashes. */
export function hashValues(values: unknown[]): number {
  let h = SEED ^ values.length;
  for (let i = 0; i < values.length; i++) h = mix(h, hashValue(values[i]));
  return h;
}

function hashValue(v: unknown): number {
  switch (typeof v) {
    case 'string':
      return hashText(v, 0x73);
    case 'number':
      // A safe integer can only equal the same number (bigints are used beyond 2^53 only); others go by their digits, as bigints do.
      return Number.isSafeInteger(v) ? mix(v | 0, Math.floor(v / 0x100000000) | 0) : hashText(String(v), 0x6e);
    case 'bigint':
      return Number.isSafeInteger(Number(v)) ? hashValue(Number(v)) : hashText(String(v), 0x6e);
    case 'boolean':
      return v ? 0x62 : 0x63;
    case 'object':
      return v === null ? 0 : hashText(dynamicKey(v as DynamicValue), 0x6a);
    default:
      return 0;
  }
}

/** FNV-1a over the UTF-16 code units, started from a tag per kind of value. */
function hashText(text: string, tag: number): number {
  let h = 0x811c9dc5 ^ tag;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function mix(h: number, k: number): number {
  h = Math.imul(h ^ k, 0x9e3779b1);
  return h ^ (h >>> 15);
}
