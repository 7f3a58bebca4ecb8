import { expect } from 'vitest';
import { KqlError } from '../../src/index.js';

/** The KqlError that `fn` throws (fails the test if it throws nothing or something else). */
export function thrownKqlError(fn: () => unknown): KqlError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(KqlError);
    return err as KqlError;
  }
  throw new Error('expected a KqlError');
}
