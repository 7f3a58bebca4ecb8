import { expect } from 'vitest';
import { KqlError } from '../../src/index.js';

/** The error of class `type` that `fn` throws (fails the test if it throws nothing or something else). */
export function thrownError<T extends Error>(fn: () => unknown, type: abstract new (...args: never[]) => T): T {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(type);
    return err as T;
  }
  throw new Error(`expected a ${type.name}`);
}

/** The KqlError that `fn` throws (fails the test if it throws nothing or something else). */
export function thrownKqlError(fn: () => unknown): KqlError {
  return thrownError(fn, KqlError);
}
