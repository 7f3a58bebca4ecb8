import { defineAggregate } from '../aggregate-define.js';

export const count = defineAggregate({
  name: 'count',
  description: 'Number of rows in the group.',
  params: [],
  outputs: () => [{ type: 'long' }],
  create: () => () => { let n = 0; return { add() { n++; }, result: () => [n] }; },
});
