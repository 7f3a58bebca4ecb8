import { defineScalar } from '../define.js';
import { chargeText } from '../work.js';

/** Replaces every (non-overlapping) occurrence; an empty lookup leaves the text unchanged. */
export const replace_string = defineScalar({
  name: 'replace_string',
  description: 'Replaces all occurrences of a string with another string.',
  overloads: [{
    params: ['str', 'str', 'str'], result: 'string',
    kernel: ([t, f, r], ctx) => {
      if (f === '') return t;
      const out = (t as string).split(f as string).join(r as string);
      chargeText(ctx, (t as string).length + out.length);
      return out;
    },
  }],
});
