import { defineAggregate } from '../aggregate-define.js';

/** Rows whose predicate is true; null predicates do not count. */
export const countif = defineAggregate({
  name: 'countif',
  description: 'Number of rows for which the predicate is true.',
  params: ['bool'],
  outputs: () => [{ type: 'long' }],
  create: () => () => { let n = 0; return { add([p]) { if (p === true) n++; }, result: () => [n] }; },
});
