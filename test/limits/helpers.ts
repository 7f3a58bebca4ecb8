import { KqlRuntimeError } from '../../src/index.js';
import { thrownError } from '../support/thrown.js';

/** The KqlRuntimeError that `fn` throws (fails the test if it throws nothing or something else). */
export function runError(fn: () => unknown): KqlRuntimeError {
  return thrownError(fn, KqlRuntimeError);
}
