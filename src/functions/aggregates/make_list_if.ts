import { defineAggregate, sizeLimit } from '../aggregate-define.js';
import { listBuilder } from './make_list.js';

export const make_list_if = defineAggregate({
  name: 'make_list_if',
  prefix: 'list',
  description: 'Dynamic array of the values of rows where the predicate is true.',
  params: ['any', 'bool', 'integer'], optional: 1, constants: [2],
  outputs: () => [{ type: 'dynamic' }],
  create: (args) => listBuilder(args[0].type, sizeLimit(args, 2), true),
});
