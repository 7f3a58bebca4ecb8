import { expect } from 'vitest';
import { KqlRuntimeError } from '../../src/index.js';

/** The KqlRuntimeError that `fn` throws (fails the test if it throws nothing or something else). */
export function runError(fn: () => unknown): KqlRuntimeError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(KqlRuntimeError);
    return err as KqlRuntimeError;
  }
  throw new Error('expected a KqlRuntimeError');
}
