import { defineAggregate } from '../aggregate-define.js';
import { distinctCounter } from './dcount.js';

export const dcountif = defineAggregate({
  name: 'dcountif',
  description: 'Number of distinct values among rows where the predicate is true.',
  params: ['any', 'bool', 'integer'], optional: 1,
  outputs: () => [{ type: 'long' }],
  create: (args) => distinctCounter(args[0].type, true),
});
