/**
 * Shared checks for the safety tests: prototypes untouched. No time bounds (tests never assert time):
 * a hang fails through the global testTimeout in vitest.config.ts.
 */
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

/** The thrown value of f, or undefined. */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  return undefined;
}
