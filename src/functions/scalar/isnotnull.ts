import { defineScalar } from '../define.js';

export const isnotnull = defineScalar({
  name: 'isnotnull',
  aliases: ['notnull'],
  description: 'True if the argument is not the null value.',
  overloads: [{ params: ['any'], result: 'bool', nulls: 'pass', kernel: ([v]) => v !== null && v !== undefined }],
});
