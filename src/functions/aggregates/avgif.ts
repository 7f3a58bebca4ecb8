import { defineAggregate } from '../aggregate-define.js';
import { averager, avgType } from './avg.js';

export const avgif = defineAggregate({
  name: 'avgif',
  description: 'Average of the values of rows where the predicate is true.',
  params: ['number', 'bool'],
  alternatives: [['timespan', 'bool'], ['datetime', 'bool']],
  outputs: (args) => [{ type: avgType(args[0].type) }],
  create: (args) => averager(true, args[0].type),
});
