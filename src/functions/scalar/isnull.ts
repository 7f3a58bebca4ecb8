import { defineScalar } from '../define.js';

/** Strings are never null in Kusto: isnull("") is false. */
export const isnull = defineScalar({
  name: 'isnull',
  description: 'True if the argument is the null value.',
  overloads: [{ params: ['any'], result: 'bool', nulls: 'pass', kernel: ([v]) => v === null || v === undefined }],
});
