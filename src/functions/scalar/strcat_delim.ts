import { defineScalar } from '../define.js';

export const strcat_delim = defineScalar({
  name: 'strcat_delim',
  description: 'Concatenates arguments as strings with a delimiter between them.',
  overloads: [{ params: ['str', 'text', 'text'], rest: 'text', result: 'string', kernel: ([d, ...xs]) => (xs as string[]).join(d as string) }],
});
