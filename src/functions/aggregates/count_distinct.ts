import { defineAggregate } from '../aggregate-define.js';
import { distinctCounter } from './dcount.js';

/** count_distinct(x): exact number of distinct non-null values; count_distinctif over rows where the predicate holds. */
export const count_distinct = defineAggregate({
  name: 'count_distinct',
  description: 'Exact number of distinct non-null values.',
  params: ['any'],
  outputs: () => [{ type: 'long' }],
  create: (args) => distinctCounter(args[0].type, false),
});

export const count_distinctif = defineAggregate({
  name: 'count_distinctif',
  description: 'Exact number of distinct non-null values among rows where the predicate is true.',
  params: ['any', 'bool'],
  outputs: () => [{ type: 'long' }],
  create: (args) => distinctCounter(args[0].type, true),
});
