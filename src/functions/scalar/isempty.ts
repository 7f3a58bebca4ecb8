import { defineScalar } from '../define.js';

/** True for null and for the empty string (a dynamic "" counts as empty too). */
export function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

export const isempty = defineScalar({
  name: 'isempty',
  description: 'True if the argument is null or an empty string.',
  overloads: [{ params: ['any'], result: 'bool', nulls: 'pass', kernel: ([v]) => isEmptyValue(v) }],
});
