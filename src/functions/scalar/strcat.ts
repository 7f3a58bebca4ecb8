import { defineScalar } from '../define.js';

/** strcat converts every argument with tostring rules, so nulls contribute "". */
export const strcat = defineScalar({
  name: 'strcat',
  description: 'Concatenates 1 to 64 arguments as strings.',
  overloads: [{ params: ['text'], rest: 'text', result: 'string', kernel: (args) => (args as string[]).join('') }],
});
