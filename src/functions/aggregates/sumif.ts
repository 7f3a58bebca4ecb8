import { defineAggregate } from '../aggregate-define.js';
import { sumType, summer } from './sum.js';

export const sumif = defineAggregate({
  name: 'sumif',
  description: 'Sum of the values of rows where the predicate is true.',
  params: ['number', 'bool'],
  alternatives: [['timespan', 'bool']],
  outputs: (args) => [{ type: sumType(args[0].type) }],
  create: (args) => summer(true, args[0].type),
});
