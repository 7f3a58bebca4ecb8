import { defineScalar } from '../define.js';

/** Plain matches may overlap (countof("aaaa", "aa") = 3). The regex kind needs RE2 and is not supported. */
export const countof = defineScalar({
  name: 'countof',
  description: 'Counts (possibly overlapping) occurrences of a string.',
  overloads: [{
    params: ['str', 'str', 'string'], optional: 1, constants: [2], result: 'long',
    check: (args) => (args[2] && args[2].constant?.value !== 'normal'
      ? { error: "Only kind 'normal' of countof is supported.", argIndex: 2 } : undefined),
    kernel: ([s, n]) => {
      const text = s as string, needle = n as string;
      if (needle === '') return 0;
      let c = 0;
      for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) c++;
      return c;
    },
  }],
});
