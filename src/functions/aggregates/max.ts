import { defineAggregate } from '../aggregate-define.js';
import { ORDERABLE, extreme } from './min.js';

export const max = defineAggregate({
  name: 'max',
  description: 'Largest non-null value in the group.',
  params: ['number'],
  alternatives: ORDERABLE.slice(1),
  outputs: (args) => [{ type: args[0].type }],
  create: (args) => extreme(args[0].type, true),
});
