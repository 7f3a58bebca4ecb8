import { defineScalar } from '../define.js';

/**
 * strcmp(a, b) (strcmp-function.md): -1, 0 or 1 as a sorts before, equal to or after b, comparing UTF-16 code
 * units (ordinal). The analyzer takes any scalar for both (converted with tostring rules) and types it long.
 */
export const strcmp = defineScalar({
  name: 'strcmp',
  description: 'Compares two strings ordinally: -1, 0 or 1.',
  overloads: [{
    params: ['text', 'text'], result: 'long',
    kernel: ([a, b]) => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0),
  }],
});
