/** Shared checks for the safety tests: prototypes untouched, and a loose time bound. */
import { expect } from 'vitest';

const PROTOS: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
];

export function snapshotPrototypes(): string[] {
  return PROTOS.map(([name, p]) => `${name}:${Reflect.ownKeys(p).map(String).sort().join(',')}`);
}

export function expectPrototypesUntouched(before: string[]): void {
  expect(snapshotPrototypes()).toEqual(before);
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'isAdmin', 'a', 'x']) expect(probe[k], k).toBeUndefined();
}

/** Runs f, asserting loosely that it finished within `seconds` (these are guards against hangs, not benchmarks). */
export function timed<T>(f: () => T, seconds = 5): T {
  const t0 = performance.now();
  const out = f();
  expect((performance.now() - t0) / 1000).toBeLessThan(seconds);
  return out;
}

/** The thrown value of f, or undefined. */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  return undefined;
}
