import { defineScalar } from '../define.js';

/** Replaces every (non-overlapping) occurrence; an empty lookup leaves the text unchanged. */
export const replace_string = defineScalar({
  name: 'replace_string',
  description: 'Replaces all occurrences of a string with another string.',
  overloads: [{
    params: ['str', 'str', 'str'], result: 'string',
    kernel: ([t, f, r]) => (f === '' ? t : (t as string).split(f as string).join(r as string)),
  }],
});
