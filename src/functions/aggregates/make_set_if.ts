import { defineAggregate, sizeLimit } from '../aggregate-define.js';
import { setBuilder } from './make_set.js';

export const make_set_if = defineAggregate({
  name: 'make_set_if',
  prefix: 'set',
  description: 'Dynamic array of the distinct values of rows where the predicate is true.',
  params: ['any', 'bool', 'integer'], optional: 1, constants: [2],
  outputs: () => [{ type: 'dynamic' }],
  create: (args) => setBuilder(args[0].type, sizeLimit(args, 2), true),
});
