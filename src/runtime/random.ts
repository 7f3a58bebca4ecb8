/**
 * Random numbers for rand() and new_guid(): a seeded generator when the caller passes `randomSeed`
 * (repeatable runs), else the platform's (Math.random; crypto.getRandomValues for GUIDs when present).
 * Browser-safe: no Node built-ins.
 */

/** A source of uniform doubles in [0, 1). */
export type RandomSource = () => number;

/**
 * A small seeded generator (a SplitMix-style 32-bit counter hashed twice per double, 53 random bits).
 * Any finite number is a seed; the same seed gives the same sequence.
 */
export function seededRandom(seed: number): RandomSource {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  const frac = Math.floor((seed - Math.floor(seed)) * 4294967296) >>> 0;
  let state = (lo ^ Math.imul(hi, 0x9e3779b9) ^ Math.imul(frac, 0x85ebca6b)) >>> 0;
  const next32 = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

/** 16 random bytes: from the generator when one is given, else from crypto.getRandomValues, else Math.random. */
export function randomBytes16(random: RandomSource | undefined): Uint8Array {
  const bytes = new Uint8Array(16);
  const crypto = (globalThis as { crypto?: { getRandomValues?(a: Uint8Array): Uint8Array } }).crypto;
  if (!random && crypto?.getRandomValues) return crypto.getRandomValues(bytes);
  const r = random ?? Math.random;
  for (let i = 0; i < 16; i++) bytes[i] = Math.floor(r() * 256);
  return bytes;
}
